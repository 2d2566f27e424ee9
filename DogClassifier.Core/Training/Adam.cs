namespace DogClassifier.Training;

/// <summary>
/// The Adam optimiser (Kingma and Ba, 2015) over one flat vector of parameters, with the usual
/// constants: β₁ = 0.9, β₂ = 0.999, ε = 1e-8, and bias-corrected moment estimates.
/// </summary>
internal sealed class Adam(double learningRate, int size)
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly double[] _firstMoment = new double[size];
    private readonly double[] _secondMoment = new double[size];
    private int _steps;

    /// <summary>Moves <paramref name="parameters"/> one step against <paramref name="gradient"/>.</summary>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        _steps++;
        var firstCorrection = 1 - Math.Pow(Beta1, _steps);
        var secondCorrection = 1 - Math.Pow(Beta2, _steps);
        for (int i = 0; i < parameters.Length; i++)
        {
            double g = gradient[i];
            _firstMoment[i] = (Beta1 * _firstMoment[i]) + ((1 - Beta1) * g);
            _secondMoment[i] = (Beta2 * _secondMoment[i]) + ((1 - Beta2) * g * g);
            var m = _firstMoment[i] / firstCorrection;
            var v = _secondMoment[i] / secondCorrection;
            parameters[i] -= (float)(learningRate * m / (Math.Sqrt(v) + Epsilon));
        }
    }
}
