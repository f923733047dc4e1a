import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';

type AnyPanel = dashboard.Panel | dashboard.RowPanel;

/**
 * The last touches the SDK leaves to us, applied to every panel (rows included):
 * - a fixed id in layout order (the SDK leaves ids unset and rows at 0; Grafana needs them
 *   unique for links and repeats);
 * - the panel's datasource, taken from its targets, which must all use the same one.
 */
export function finalizePanels(board: dashboard.Dashboard): dashboard.Dashboard {
  let next = 1;
  const visit = (panels: AnyPanel[] | undefined) => {
    for (const panel of panels ?? []) {
      panel.id = next++;
      if ('panels' in panel) visit(panel.panels);
      else panel.datasource = targetsDatasource(board, panel);
    }
  };
  visit(board.panels);
  return board;
}

function targetsDatasource(board: dashboard.Dashboard, panel: dashboard.Panel) {
  const refs = (panel.targets ?? []).map(
    (t) => (t as { datasource?: dashboard.DataSourceRef }).datasource,
  );
  const uids = new Set(refs.map((ref) => ref?.uid));
  if (refs.length === 0 || uids.size !== 1 || !refs[0]?.uid) {
    throw new Error(`${board.uid} / ${panel.title}: targets must share one datasource`);
  }
  return refs[0];
}
