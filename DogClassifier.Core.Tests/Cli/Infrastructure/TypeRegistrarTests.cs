using DogClassifier.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli.Testing;

namespace DogClassifier.Tests.Cli.Infrastructure;

public sealed class TypeRegistrarTests
{
    [Test]
    public void TypeRegistrar_SpectreContract_IsMet()
    {
        var contract = new TypeRegistrarBaseTests(() => new TypeRegistrar(new ServiceCollection()));

        Assert.DoesNotThrow(contract.RunAllTests);
    }
}
