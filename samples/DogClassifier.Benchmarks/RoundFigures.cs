namespace DogClassifier.Benchmarks;

/// <summary>The throughput figures of every round, summarised across rounds.</summary>
internal sealed class RoundFigures
{
    private readonly List<double> _single = [];
    private readonly List<double> _concurrent = [];
    private readonly List<double> _endToEnd = [];
    private readonly List<double> _singleCpu = [];
    private readonly List<double> _concurrentCpu = [];
    private readonly List<double> _endToEndCpu = [];
    private readonly List<double> _endToEndAllocated = [];

    public void Add(Meter single, Meter concurrent, Meter endToEnd)
    {
        _single.Add(single.ImagesPerSecond);
        _concurrent.Add(concurrent.ImagesPerSecond);
        _endToEnd.Add(endToEnd.ImagesPerSecond);
        _singleCpu.Add(single.CpuMillisecondsPerImage);
        _concurrentCpu.Add(concurrent.CpuMillisecondsPerImage);
        _endToEndCpu.Add(endToEnd.CpuMillisecondsPerImage);
        _endToEndAllocated.Add(endToEnd.AllocatedKilobytesPerImage);
    }

    public void Print(int callers)
    {
        var best = _single.Zip(_concurrent, Math.Max).ToList();
        Figures.Line("network alone, 1 caller (single-image session)", Figures.Range(_single));
        Figures.Line($"network alone, {callers} concurrent callers (batch session)", Figures.Range(_concurrent));
        Figures.Line("featurization: read, decode, resize, network (no cache)", Figures.Range(_endToEnd));
        Figures.Line(
            "ratio featurization / network with 1 caller", Figures.Range(Ratios(_endToEnd, _single), "0.00"));
        Figures.Line("ratio featurization / best network figure", Figures.Range(Ratios(_endToEnd, best), "0.00"));
        Figures.Line("processor ms per image: network, 1 caller", Figures.Range(_singleCpu));
        Figures.Line($"processor ms per image: network, {callers} callers", Figures.Range(_concurrentCpu));
        Figures.Line("processor ms per image: featurization", Figures.Range(_endToEndCpu));
        Figures.Line(
            "ratio of processor time, network / featurization",
            Figures.Range(Ratios(_concurrentCpu.Zip(_singleCpu, Math.Min).ToList(), _endToEndCpu), "0.00"));
        Figures.Line("managed allocation per photo featurized, KB", Figures.Range(_endToEndAllocated));
    }

    private static List<double> Ratios(List<double> numerators, List<double> denominators) =>
        [.. numerators.Zip(denominators, (n, d) => n / d)];
}
