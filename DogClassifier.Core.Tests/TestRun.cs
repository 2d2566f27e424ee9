using DogClassifier.Tests.Support;

namespace DogClassifier.Tests;

/// <summary>Set-up and clean-up around the whole test run.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public void DeleteSharedModels() => PetModels.DeleteShared();
}
