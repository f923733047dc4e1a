/** Inline stylesheet: the report is one self-contained file (no network, no scripts). */
export const REPORT_CSS = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #1d2330; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d8dde6; padding-bottom: .2rem; }
.status { display: inline-block; padding: .1rem .6rem; border-radius: 1rem; font-weight: 600; }
.status-succeeded { background: #d9f2e3; } .status-partial { background: #fdf0c4; } .status-failed, .status-cancelled { background: #f9d7d7; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eceff4; vertical-align: top; }
th { background: #f5f7fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.worse { color: #b3261e; font-weight: 600; } .better { color: #1e7b3c; } .same { color: inherit; }
.note { background: #f5f7fa; border-left: 3px solid #8a94a6; padding: .4rem .7rem; }
h3.incident { font-size: 1.05rem; margin: 1.2rem 0 .2rem; } .sev { display: inline-block; padding: 0 .5rem; border-radius: .8rem; font-size: .8rem; }
.sev-critical { background: #f9d7d7; } .sev-warning { background: #fdf0c4; } .sev-info { background: #e3e8f0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { color: #5b6475; }
.chart svg rect { fill: #5b8def; } .chart svg .ci { stroke: #1d2330; stroke-width: 2; }
.chart svg .overall { stroke: #b3261e; stroke-dasharray: 4 3; } .chart svg text { font-size: 12px; fill: #1d2330; }
figure.chart { margin: 1rem 0; } figcaption { font-weight: 600; margin-bottom: .3rem; }
.alignment { display: flex; flex-wrap: wrap; gap: 2px; font-family: ui-monospace, monospace; font-size: 12px; }
.alignment .w { display: inline-flex; flex-direction: column; padding: 1px 4px; border-radius: 3px; }
.alignment b { font-weight: normal; } .alignment i { font-style: normal; color: #5b6475; }
.op-S { background: #fde2c8; } .op-D { background: #f9d7d7; } .op-I { background: #dfe8fd; }
code { font-size: 12px; }
`;
