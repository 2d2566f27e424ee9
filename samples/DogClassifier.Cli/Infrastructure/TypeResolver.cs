using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace DogClassifier.Cli.Infrastructure;

/// <summary>Resolves commands and their dependencies from a built service provider.</summary>
internal sealed class TypeResolver(ServiceProvider provider) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

    public void Dispose() => provider.Dispose();
}
