/** The console's one stylesheet (served as /console/assets/console.css, cached by its hash). */
export const CONSOLE_CSS = `
:root { --ink: #1d2330; --muted: #4f586a; --line: #d8dde6; --soft: #f5f7fa; --link: #1a4fbf;
  --bad: #a4231b; --good: #1b6e37; --focus: #f0a500; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: var(--ink); background: #fff; }
a { color: var(--link); } a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 2; }
.skip:focus { left: 1rem; }
header.top { background: #142033; color: #fff; }
header.top nav { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; max-width: 1200px;
  margin: 0 auto; padding: .55rem 1rem; }
header.top a { color: #fff; text-decoration: none; padding: .2rem .1rem; border-bottom: 2px solid transparent; }
header.top a[aria-current="page"] { border-bottom-color: var(--focus); font-weight: 600; }
header.top .brand { font-weight: 700; margin-right: .75rem; }
header.top .who { margin-left: auto; font-size: .9rem; color: #d6dde9; }
header.top form { display: inline; margin: 0; }
header.top button { background: transparent; color: #fff; border: 1px solid #8d9ab0; border-radius: 4px;
  padding: .15rem .6rem; cursor: pointer; font: inherit; font-size: .9rem; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.45rem; margin: .6rem 0 .3rem; } h2 { font-size: 1.15rem; margin: 1.8rem 0 .5rem;
  border-bottom: 1px solid var(--line); padding-bottom: .2rem; } h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
p.lead { color: var(--muted); margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e6e9ef; vertical-align: top; }
th { background: var(--soft); font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 600; color: #fff; }
.sev-critical { background: #a4231b; } .sev-warning { background: #7a4d00; } .sev-info { background: #35557f; }
.st-open { background: #a4231b; } .st-acknowledged { background: #7a4d00; } .st-resolved { background: #1b6e37; }
.st-succeeded { background: #1b6e37; } .st-partial { background: #7a4d00; } .st-failed, .st-cancelled { background: #a4231b; }
.st-queued, .st-running { background: #35557f; }
.worse { color: var(--bad); font-weight: 600; } .better { color: var(--good); font-weight: 600; } .same { color: var(--muted); }
.muted { color: var(--muted); } code { font-size: .85em; background: var(--soft); padding: 0 .25rem; border-radius: 3px; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; background: var(--soft);
  padding: .6rem .8rem; border-radius: 6px; margin: .6rem 0; }
label { font-weight: 600; font-size: .9rem; } .filters label { display: flex; flex-direction: column; gap: .15rem; }
input, select, textarea, button { font: inherit; }
input[type=text], input[type=password], select, textarea { border: 1px solid #8d96a7; border-radius: 4px; padding: .3rem .45rem; background: #fff; color: var(--ink); }
button.primary, .button { background: #1a4fbf; color: #fff; border: 0; border-radius: 4px; padding: .4rem .9rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: #fff; color: #1a4fbf; border: 1px solid #1a4fbf; border-radius: 4px; padding: .35rem .8rem; cursor: pointer; }
.notice { border-left: 4px solid #1a4fbf; background: #eef3fd; padding: .5rem .8rem; margin: .8rem 0; }
.notice.error { border-color: #a4231b; background: #fdeeee; } .notice.ok { border-color: #1b6e37; background: #edf8f1; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem 2rem; }
.actions form { margin: .5rem 0 1rem; } .actions textarea { width: 100%; min-height: 3.2rem; }
figure.chart { margin: .5rem 0 1.2rem; } figure.chart figcaption { font-weight: 600; margin-bottom: .3rem; }
figure.chart svg { max-width: 100%; height: auto; } svg text { font-size: 12px; fill: #1d2330; }
svg .base { stroke: #6b7486; fill: #6b7486; } svg .now { stroke: #a4231b; fill: #a4231b; }
svg .now.ok { stroke: #1a4fbf; fill: #1a4fbf; } svg .grid { stroke: #e1e5ec; } svg line.ci { stroke-width: 3; }
.legend { font-size: .85rem; color: var(--muted); } .legend .k { display: inline-block; width: .8rem; height: .8rem; vertical-align: -1px; border-radius: 2px; }
.legend .k.base { background: #6b7486; } .legend .k.now { background: #a4231b; }
.alignment { display: flex; flex-wrap: wrap; gap: 2px; font-family: ui-monospace, monospace; font-size: 12px; }
.alignment .w { display: inline-flex; flex-direction: column; padding: 1px 4px; border-radius: 3px; }
.alignment b { font-weight: normal; } .alignment i { font-style: normal; color: var(--muted); }
.op-S { background: #fde2c8; } .op-D { background: #f9d7d7; } .op-I { background: #dfe8fd; }
ol.timeline { list-style: none; padding: 0; border-left: 3px solid var(--line); margin-left: .4rem; }
ol.timeline li { padding: .2rem 0 .6rem 1rem; position: relative; }
ol.timeline li::before { content: ''; position: absolute; left: -8px; top: .55rem; width: 13px; height: 13px; border-radius: 50%; background: #fff; border: 3px solid #35557f; }
ol.timeline li.notification::before { border-color: #8d96a7; }
.drop { border: 2px dashed #8d96a7; border-radius: 8px; padding: 1.5rem; text-align: center; background: var(--soft); margin: .8rem 0; }
.drop.over { border-color: #1a4fbf; background: #eef3fd; }
progress { width: 100%; height: 1rem; }
.pager { display: flex; gap: 1rem; margin: .5rem 0; }
audio { max-width: 100%; height: 2rem; }
@media (max-width: 700px) { header.top .who { margin-left: 0; } th, td { padding: .3rem; } }
`;
