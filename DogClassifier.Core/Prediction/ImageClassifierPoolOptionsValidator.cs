using Microsoft.Extensions.Options;

namespace DogClassifier.Prediction;

/// <summary>Checks <see cref="ImageClassifierPoolOptions"/> when the host starts, reporting every bad value.</summary>
internal sealed class ImageClassifierPoolOptionsValidator : IValidateOptions<ImageClassifierPoolOptions>
{
    public ValidateOptionsResult Validate(string? name, ImageClassifierPoolOptions options)
    {
        var errors = options.Errors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
