import { Box, Group, Paper, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { ReactNode } from 'react';

/**
 * Plain SVG charts, drawn at the pixel width they get (so text stays readable on a phone).
 * Each sits in a <figure> with its title; the numbers are also in a table that only screen readers
 * see, and the picture has a one-line summary as its accessible name.
 */

const FONT = 12;
const AXIS = '#868e96';
const TEXT = '#343a40';

export interface TableData {
  columns: string[];
  rows: (string | number)[][];
}

export function ChartFigure({
  id,
  title,
  caption,
  table,
  legend,
  children,
}: {
  id: string;
  title: string;
  caption?: string;
  table: TableData;
  legend?: { label: string; color: string }[];
  children: ReactNode;
}) {
  return (
    <Paper
      component="figure"
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      m={0}
      aria-labelledby={`${id}-title`}
    >
      <Text component="h3" fw={700} id={`${id}-title`} mb={2}>
        {title}
      </Text>
      {caption && (
        <Text component="figcaption" size="sm" c="dimmed" mb="xs">
          {caption}
        </Text>
      )}
      {legend && (
        <Group gap="md" mb={6} aria-hidden="true">
          {legend.map((l) => (
            <Group gap={6} key={l.label} wrap="nowrap">
              <span
                style={{
                  width: 12,
                  height: 12,
                  background: l.color,
                  borderRadius: 2,
                  display: 'inline-block',
                }}
              />
              <Text size="sm">{l.label}</Text>
            </Group>
          ))}
        </Group>
      )}
      {children}
      <VisuallyHidden>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={`${row[0]}-h`} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={`${row[0]}-${table.columns[i]}`}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Paper>
  );
}

function useWidth(fallback = 320) {
  const { ref, width } = useElementSize<HTMLDivElement>();
  return { ref, width: width > 0 ? width : fallback };
}

/** Round gridlines for a column chart: about four steps of 1, 2 or 5 × 10ⁿ up to at least `max`. */
function ticksFor(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((s) => s * power >= rough) ?? 10) * Math.max(1, power);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/** Horizontal bars, one per category, the value written at the end of each bar. */
export function HorizontalBars({
  data,
  color,
  format,
  summary,
}: {
  data: { label: string; value: number }[];
  color: string;
  format: (value: number) => string;
  summary: string;
}) {
  const { ref, width } = useWidth();
  const rowHeight = 28;
  const labelWidth = Math.min(150, Math.max(80, width * 0.32));
  const valueWidth = 64;
  const plot = Math.max(40, width - labelWidth - valueWidth);
  const max = Math.max(1, ...data.map((d) => d.value));
  const height = data.length * rowHeight + 4;
  return (
    <Box ref={ref} w="100%">
      <svg width={width} height={height} role="img" aria-label={summary} style={{ display: 'block' }}>
        {data.map((d, i) => {
          const y = i * rowHeight + 2;
          const w = (d.value / max) * plot;
          return (
            <g key={d.label}>
              <text
                x={labelWidth - 8}
                y={y + rowHeight / 2}
                textAnchor="end"
                dominantBaseline="middle"
                fontSize={FONT}
                fill={TEXT}
              >
                {d.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 5}
                width={Math.max(w, d.value > 0 ? 2 : 0)}
                height={rowHeight - 10}
                rx={3}
                fill={color}
              />
              <text
                x={labelWidth + w + 6}
                y={y + rowHeight / 2}
                dominantBaseline="middle"
                fontSize={FONT}
                fill={TEXT}
                fontWeight={600}
              >
                {format(d.value)}
              </text>
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1={0} y2={height} stroke={AXIS} />
      </svg>
    </Box>
  );
}

/** Vertical columns in groups (e.g. joins and withdrawals per year). */
export function GroupedColumns({
  categories,
  series,
  summary,
  format,
}: {
  categories: string[];
  series: { label: string; color: string; values: number[] }[];
  summary: string;
  format: (value: number) => string;
}) {
  const { ref, width } = useWidth();
  const height = 220;
  const top = 12;
  const bottom = 24;
  const left = 36;
  const plotW = Math.max(40, width - left - 8);
  const plotH = height - top - bottom;
  const ticks = ticksFor(Math.max(0, ...series.flatMap((s) => s.values)));
  const max = ticks[ticks.length - 1] ?? 1;
  const band = plotW / Math.max(1, categories.length);
  const barW = Math.max(1, (band * 0.8) / Math.max(1, series.length));
  // Label only as many categories as fit (about 36 px each).
  const every = Math.max(1, Math.ceil(categories.length / Math.max(1, Math.floor(plotW / 36))));
  return (
    <Box ref={ref} w="100%">
      <svg width={width} height={height} role="img" aria-label={summary} style={{ display: 'block' }}>
        {ticks.map((tick) => {
          const y = top + plotH - (tick / max) * plotH;
          return (
            <g key={tick}>
              <line x1={left} x2={left + plotW} y1={y} y2={y} stroke="#e9ecef" />
              <text x={left - 6} y={y} textAnchor="end" dominantBaseline="middle" fontSize={11} fill={AXIS}>
                {format(tick)}
              </text>
            </g>
          );
        })}
        {categories.map((category, ci) => {
          const x0 = left + ci * band + band * 0.1;
          return (
            <g key={category}>
              {series.map((s, si) => {
                const v = s.values[ci] ?? 0;
                const h = (v / max) * plotH;
                return (
                  <rect
                    key={s.label}
                    x={x0 + si * barW}
                    y={top + plotH - h}
                    width={Math.max(1, barW - 1)}
                    height={h}
                    fill={s.color}
                  >
                    <title>{`${category} · ${s.label}: ${format(v)}`}</title>
                  </rect>
                );
              })}
              {ci % every === 0 && (
                <text
                  x={left + ci * band + band / 2}
                  y={height - 6}
                  textAnchor="middle"
                  fontSize={11}
                  fill={AXIS}
                >
                  {category}
                </text>
              )}
            </g>
          );
        })}
        <line x1={left} x2={left + plotW} y1={top + plotH} y2={top + plotH} stroke={AXIS} />
      </svg>
    </Box>
  );
}

/** A population pyramid: one row per age group, one side per sex, the oldest at the top. */
export function Pyramid({
  rows,
  left,
  right,
  summary,
  format,
}: {
  rows: { label: string; left: number; right: number }[];
  left: { label: string; color: string };
  right: { label: string; color: string };
  summary: string;
  format: (value: number) => string;
}) {
  const { ref, width } = useWidth();
  const rowHeight = 30;
  const head = 20;
  const labelW = 96;
  const side = Math.max(40, (width - labelW) / 2);
  const max = Math.max(1, ...rows.flatMap((r) => [r.left, r.right]));
  // Keep room for the numbers written beside the bars.
  const scale = (v: number) => (v / max) * (side - 40);
  const height = head + rows.length * rowHeight + 4;
  const center = side + labelW / 2;
  return (
    <Box ref={ref} w="100%">
      <svg width={width} height={height} role="img" aria-label={summary} style={{ display: 'block' }}>
        <text x={side - 4} y={12} textAnchor="end" fontSize={FONT} fontWeight={700} fill={left.color}>
          {left.label}
        </text>
        <text x={side + labelW + 4} y={12} fontSize={FONT} fontWeight={700} fill={right.color}>
          {right.label}
        </text>
        {rows.map((r, i) => {
          const y = head + i * rowHeight;
          const lw = scale(r.left);
          const rw = scale(r.right);
          return (
            <g key={r.label}>
              <rect x={side - lw} y={y + 4} width={lw} height={rowHeight - 8} fill={left.color} rx={2} />
              <text
                x={side - lw - 4}
                y={y + rowHeight / 2}
                textAnchor="end"
                dominantBaseline="middle"
                fontSize={FONT}
                fill={TEXT}
              >
                {format(r.left)}
              </text>
              <text
                x={center}
                y={y + rowHeight / 2}
                textAnchor="middle"
                dominantBaseline="middle"
                fontSize={FONT}
                fontWeight={600}
                fill={TEXT}
              >
                {r.label}
              </text>
              <rect x={side + labelW} y={y + 4} width={rw} height={rowHeight - 8} fill={right.color} rx={2} />
              <text
                x={side + labelW + rw + 4}
                y={y + rowHeight / 2}
                dominantBaseline="middle"
                fontSize={FONT}
                fill={TEXT}
              >
                {format(r.right)}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}

/** One bar per row, split into coloured parts of a whole (e.g. certified and in conversion of all members). */
export function StackedBars({
  rows,
  colors,
  summary,
  label,
}: {
  rows: { label: string; parts: number[]; total: number; note: string }[];
  colors: string[];
  summary: string;
  label: (row: { label: string; note: string }) => string;
}) {
  const { ref, width } = useWidth();
  const rowHeight = 44;
  const height = rows.length * rowHeight;
  const barW = Math.max(40, width - 2);
  return (
    <Box ref={ref} w="100%">
      <svg width={width} height={height} role="img" aria-label={summary} style={{ display: 'block' }}>
        {rows.map((r, i) => {
          const y = i * rowHeight;
          let x = 1;
          return (
            <g key={r.label}>
              <text x={1} y={y + 13} fontSize={FONT} fill={TEXT}>
                <tspan fontWeight={600}>{r.label}</tspan>
                <tspan dx={6}>{label(r)}</tspan>
              </text>
              <rect x={1} y={y + 20} width={barW} height={14} fill="#f1f3f5" rx={3} />
              {r.parts.map((part, pi) => {
                const w = r.total > 0 ? (part / r.total) * barW : 0;
                const rect = (
                  <rect key={colors[pi]} x={x} y={y + 20} width={w} height={14} fill={colors[pi]} />
                );
                x += w;
                return rect;
              })}
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
