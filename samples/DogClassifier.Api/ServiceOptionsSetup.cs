using Microsoft.Extensions.Options;

namespace DogClassifier.Api;

/// <summary>Binds <see cref="ServiceOptions"/> and checks them when the host starts.</summary>
internal static class ServiceOptionsSetup
{
    /// <summary>Registers the options, validated at startup, and returns their configured values.</summary>
    public static ServiceOptions AddServiceOptions(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ServiceOptions.Section);
        builder.Services.AddOptions<ServiceOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServiceOptions>, Validator>();
        return section.Get<ServiceOptions>() ?? new ServiceOptions();
    }

    private sealed class Validator : IValidateOptions<ServiceOptions>
    {
        public ValidateOptionsResult Validate(string? name, ServiceOptions options)
        {
            var errors = options.Errors();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
