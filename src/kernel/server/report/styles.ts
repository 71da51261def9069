/**
 * The report's print styles, inline so the file stands alone. Korean needs two things: a CJK font
 * that the PDF embeds (Noto Sans CJK KR from Debian's fonts-noto-cjk), and `word-break: keep-all`, so
 * lines break between words as Korean is written, never inside one.
 */
export const reportStyles = `
@page { size: A4; margin: 18mm 16mm; }
html { font-family: "Noto Sans CJK KR", "Noto Sans KR", "Noto Sans", sans-serif; font-size: 10.5pt; line-height: 1.6; color: #111; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; word-break: keep-all; overflow-wrap: anywhere; line-break: strict; }
h1 { font-size: 20pt; margin: 0 0 0.5rem; }
h2 { font-size: 15pt; border-bottom: 2px solid #1f3a68; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 12pt; margin: 1.5rem 0 0.3rem; }
.part { break-before: page; }
.dataset { break-inside: auto; }
.meta { color: #444; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 9pt; }
caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
th, td { border: 1px solid #999; padding: 0.2rem 0.4rem; vertical-align: top; text-align: left; }
thead th { background: #e8edf5; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.number, tbody th { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody th { text-align: left; }
.chart { margin: 0.5rem 0; break-inside: avoid; }
.chart svg { max-width: 100%; height: auto; font-size: 11px; }
.chart rect { fill: #1f3a68; }
.chart figcaption { font-size: 9pt; color: #444; }
`;
