using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace DogClassifier.Training;

/// <summary>
/// A head trained by one of ML.NET's trainers: label mapping, normalisation and the trainer's
/// model, as one transformer chain. Single predictions go through a pool of prediction engines,
/// batches through the thread-safe transform path.
/// </summary>
internal sealed class MlNetHead : ClassifierHead
{
    private readonly MLContext _ml;
    private readonly ObjectPool<PredictionEngine<FeatureRow, ScoreRow>> _engines;

    public MlNetHead(MLContext ml, ITransformer transformer)
    {
        _ml = ml;
        Transformer = transformer;
        _engines = new DefaultObjectPoolProvider().Create(new EnginePolicy(ml, transformer));
    }

    public override HeadKind Kind => HeadKind.MlNet;

    public ITransformer Transformer { get; }

    public override float[] Score(float[] features)
    {
        var engine = _engines.Get();
        try
        {
            return engine.Predict(new FeatureRow { Features = features }).Score;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    public override IReadOnlyList<float[]> ScoreAll(IReadOnlyList<float[]> features) =>
        HeadModel.Score(_ml, Transformer, features.Select(f => new FeatureRow { Features = f }));

    /// <summary>Writes the transformer chain in ML.NET's format.</summary>
    /// <summary>Disposes the pooled prediction engines.</summary>
    public override void Dispose() => (_engines as IDisposable)?.Dispose();

    public void Save(Stream destination) =>
        _ml.Model.Save(Transformer, HeadModel.ToDataView(_ml, []).Schema, destination);

    /// <summary>Reads a transformer chain written by <see cref="Save"/>.</summary>
    public static MlNetHead Load(Stream source)
    {
        var ml = new MLContext(seed: 0);
        return new MlNetHead(ml, ml.Model.Load(source, out _));
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer head)
        : PooledObjectPolicy<PredictionEngine<FeatureRow, ScoreRow>>
    {
        public override PredictionEngine<FeatureRow, ScoreRow> Create() =>
            ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(head);

        public override bool Return(PredictionEngine<FeatureRow, ScoreRow> obj) => true;
    }
}
