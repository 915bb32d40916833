// Small hand-made SVG charts: a bar per item with a <title> (hover shows the number) and a read-out
// line that a tap or keyboard focus fills (phones have no hover). ECharts, tree-shaken to bar, line,
// tooltip, grid and the SVG renderer, is ~190 KB gzip on its own: the whole page's budget.

import { useState } from "preact/hooks";
import type { DeskCount } from "../shared/deskApi.js";
import { useDesk } from "./deskContext.js";

interface ChartProps {
  items: DeskCount[];
  /** What the chart shows, for screen readers. */
  label: string;
}

function Readout({ picked }: { picked: DeskCount | null }) {
  const { t, fmt } = useDesk();
  return (
    <p class="chart-readout" aria-live="polite">
      {picked ? (
        <>
          <bdi>{picked.label}</bdi>: <b>{fmt(picked.count)}</b>
        </>
      ) : (
        t("desk-chart-hint")
      )}
    </p>
  );
}

/** One row per item (provinces, statuses): label, bar, number. Mirrors itself in right-to-left pages. */
export function BarList({ items, label }: ChartProps) {
  const { fmt, rtl, t } = useDesk();
  const [picked, setPicked] = useState<DeskCount | null>(null);
  if (items.length === 0) return <p class="hint">{t("desk-overview-empty")}</p>;
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <figure class="chart" aria-label={label}>
      <Readout picked={picked} />
      <ul class="bar-list">
        {items.map((item) => {
          const width = (item.count / max) * 100;
          return (
            <li key={item.key}>
              <button type="button" class={picked?.key === item.key ? "bar-row picked" : "bar-row"} onClick={() => setPicked(item)} onFocus={() => setPicked(item)}>
                <bdi class="bar-label">{item.label}</bdi>
                <svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                  <rect class="bar" x={rtl ? 100 - width : 0} y="0" width={width} height="10">
                    <title>{`${item.label}: ${fmt(item.count)}`}</title>
                  </rect>
                </svg>
                <span class="bar-value">{fmt(item.count)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

const COLUMNS_WIDTH = 300;
const COLUMNS_HEIGHT = 100;

/** A series over time (per day, per month): columns from the oldest to the newest. */
export function Columns({ items, label }: ChartProps) {
  const { fmt, t } = useDesk();
  const [picked, setPicked] = useState<DeskCount | null>(null);
  if (items.length === 0) return <p class="hint">{t("desk-overview-empty")}</p>;
  const max = Math.max(1, ...items.map((i) => i.count));
  const slot = COLUMNS_WIDTH / items.length;
  const gap = Math.min(2, slot * 0.2);
  const first = items[0]!;
  const last = items[items.length - 1]!;
  return (
    <figure class="chart" aria-label={label}>
      <Readout picked={picked} />
      <div class="columns-frame">
        <span class="columns-max">{fmt(max)}</span>
        <svg class="columns" viewBox={`0 0 ${COLUMNS_WIDTH} ${COLUMNS_HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={label}>
          {items.map((item, i) => {
            const height = (item.count / max) * (COLUMNS_HEIGHT - 2);
            return (
              <g key={item.key} class={picked?.key === item.key ? "column picked" : "column"} onClick={() => setPicked(item)}>
                {/* The whole slot answers a tap, not only the (maybe tiny) column. */}
                <rect class="column-hit" x={i * slot} y="0" width={slot} height={COLUMNS_HEIGHT} />
                <rect class="bar" x={i * slot + gap / 2} y={COLUMNS_HEIGHT - height} width={Math.max(0.5, slot - gap)} height={height} />
                <title>{`${item.label}: ${fmt(item.count)}`}</title>
              </g>
            );
          })}
        </svg>
        <div class="columns-axis">
          <bdi>{first.label}</bdi>
          {items.length > 1 ? <bdi>{last.label}</bdi> : null}
        </div>
      </div>
    </figure>
  );
}

/** A count against a goal (a petition's signatures); without a goal, the count alone. */
export function Progress({ count, goal, label }: { count: number; goal: number | null; label: string }) {
  const { fmt, rtl, t } = useDesk();
  const share = goal && goal > 0 ? Math.min(1, count / goal) : null;
  const text = goal ? `${fmt(count)} / ${fmt(goal)}` : `${fmt(count)} (${t("desk-overview-no-goal")})`;
  return (
    <div class="progress" aria-label={label}>
      {share === null ? null : (
        <svg class="progress-track" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={text}>
          <rect class="bar" x={rtl ? 100 - share * 100 : 0} y="0" width={share * 100} height="10">
            <title>{text}</title>
          </rect>
        </svg>
      )}
      <span class="progress-text">{text}</span>
    </div>
  );
}

/** An event's answers as one stacked bar: coming, maybe, not coming. */
export function RsvpBar({ yes, maybe, no }: { yes: number; maybe: number; no: number }) {
  const { fmt, rtl, t } = useDesk();
  const total = Math.max(1, yes + maybe + no);
  const parts = [
    { key: "yes", css: "rsvp-yes", value: yes, label: t("desk-rsvp-yes") },
    { key: "maybe", css: "rsvp-maybe", value: maybe, label: t("desk-rsvp-maybe") },
    { key: "no", css: "rsvp-no", value: no, label: t("desk-rsvp-no") },
  ];
  let offset = 0;
  return (
    <div class="rsvp">
      <svg class="rsvp-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
        {parts.map((part) => {
          const width = (part.value / total) * 100;
          const x = rtl ? 100 - offset - width : offset;
          offset += width;
          return (
            <rect key={part.key} class={part.css} x={x} y="0" width={width} height="10">
              <title>{`${part.label}: ${fmt(part.value)}`}</title>
            </rect>
          );
        })}
      </svg>
      <ul class="rsvp-legend">
        {parts.map((part) => (
          <li key={part.key} class={part.css}>
            {part.label}: <b>{fmt(part.value)}</b>
          </li>
        ))}
      </ul>
    </div>
  );
}
