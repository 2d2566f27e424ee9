namespace DogClassifier.Evaluation.Reporting;

/// <summary>The report's style sheet, inlined in the page.</summary>
internal sealed partial class HtmlReportWriter
{
    private const string Css = """
        :root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--card:#f8fafc;--accent:#2563eb;--bad:#dc2626}
        *{box-sizing:border-box}
        body{margin:0;background:#fff;color:var(--ink);
          font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        main{max-width:1180px;margin:0 auto;padding:28px 32px 48px}
        h1{font-size:26px;margin:0 0 4px}
        h2{font-size:18px;margin:36px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
        h3{font-size:15px;margin:24px 0 6px}
        .sub{color:var(--muted);margin:0 0 20px}
        .hint{color:var(--muted);margin:0 0 12px;max-width:820px}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px;margin-top:16px}
        .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
        .card .k{color:var(--muted);font-size:11px;text-transform:uppercase;letter-spacing:.05em}
        .card .v{font-size:22px;font-weight:650;font-variant-numeric:tabular-nums}
        .card .n{color:var(--muted);font-size:12px}
        table{border-collapse:collapse;font-variant-numeric:tabular-nums}
        .metrics th,.metrics td{padding:5px 12px;border-bottom:1px solid var(--line);text-align:right}
        .metrics th{font-weight:600;color:var(--muted);font-size:12px}
        .metrics th:first-child,.metrics td:first-child,.metrics td.text{text-align:left}
        .metrics tr.mark td{background:#eff6ff;font-weight:600}
        .confusion th{font-weight:600;padding:4px 10px}
        .confusion th.axis{color:var(--muted);font-size:11px;text-transform:uppercase;letter-spacing:.05em}
        .confusion th.row{text-align:right}
        .confusion td{min-width:120px;height:70px;text-align:center;border:3px solid #fff;border-radius:6px;
          font-size:18px;font-weight:650}
        .confusion td small{display:block;font-size:12px;font-weight:400;opacity:.85}
        .charts{display:flex;flex-wrap:wrap;gap:28px;align-items:flex-start}
        .chart{width:340px;height:auto}
        .chart .grid{stroke:#eef0f3;stroke-width:1}
        .chart .frame{fill:none;stroke:#9ca3af}
        .chart .tick{font-size:10px;fill:var(--muted)}
        .chart .axis{font-size:12px;fill:var(--ink)}
        .chart .legend{font-size:11px;fill:var(--ink)}
        .chart .diagonal{stroke:#9ca3af;stroke-dasharray:4 4;fill:none}
        .chart .curve{stroke:var(--accent);stroke-width:2.2;fill:none}
        .chart .bar{fill:rgba(37,99,235,.75)}
        .chart .gap{fill:rgba(220,38,38,.28);stroke:var(--bad);stroke-width:.8}
        .chart .gap-key{stroke:rgba(220,38,38,.6);stroke-width:8}
        .chart .bar-key{stroke:rgba(37,99,235,.75);stroke-width:8}
        .gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:14px}
        figure{margin:0;border:1px solid var(--line);border-radius:8px;overflow:hidden;background:var(--card)}
        figure img{display:block;width:100%;object-fit:contain;background:#0f172a}
        .noimg{display:flex;align-items:center;justify-content:center;padding:12px;color:var(--muted);
          background:#f1f5f9;font-size:12px;text-align:center}
        figcaption{display:flex;flex-direction:column;padding:8px 10px;font-size:12px;gap:2px}
        figcaption .file{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px;overflow-wrap:anywhere}
        figcaption .bad{color:var(--bad)}
        figcaption .conf{color:var(--muted)}
        footer{margin-top:40px;color:var(--muted);font-size:12px}
        """;
}
