namespace RootCause.Evaluation.Nab;

/// <summary>One data file of the corpus with its NAB layout.</summary>
public sealed record NabCorpusFile(NabSeries Series, NabFileLayout Layout);
