"use client";

// Charts over time: spend stacked by model, actual against baseline cost, latency per model.
// They draw prepared series; a null value is a gap ("no data"), never drawn as 0.
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CostVsBaselinePoint, LatencyPoint, SpendPoint } from "@/server/analytics/build-time-series";
import type { BucketSize } from "@/server/analytics/resolve-window";
import { formatBucket, formatMs, formatTooltipUsd, formatUsdAxis, modelColor, AXIS_TEXT, TOOLTIP_STYLE } from "./chart-format";
import { Toggle } from "./chart-card";

const HEIGHT = 280;

interface TimeChartProps {
  bucket: BucketSize;
  allModels: readonly string[];
  /** Opens the request logs of a bucket, optionally of one model. */
  onDrill: (t: number, model?: string) => void;
}

function timeAxis(bucket: BucketSize) {
  return <XAxis dataKey="t" tick={AXIS_TEXT} tickFormatter={(t: number) => formatBucket(t, bucket)} minTickGap={24} label={{ value: "UTC", position: "insideBottomRight", offset: -4, ...AXIS_TEXT, fontSize: 11 }} />;
}

const indexOf = (state: { activeTooltipIndex?: unknown } | null) => (typeof state?.activeTooltipIndex === "number" ? state.activeTooltipIndex : Number(state?.activeTooltipIndex ?? Number.NaN));

/** A click on a line chart opens the logs of the bucket under the pointer, if there is one. */
function drillIntoClickedBucket(data: ReadonlyArray<{ t: number }>, onDrill: TimeChartProps["onDrill"]) {
  return (state: Parameters<typeof indexOf>[0]) => {
    const point = data[indexOf(state)];
    if (point) onDrill(point.t);
  };
}

export function SpendByModelChart({ data, models, bucket, allModels, onDrill }: TimeChartProps & { data: SpendPoint[]; models: string[] }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {timeAxis(bucket)}
        <YAxis tick={AXIS_TEXT} tickFormatter={formatUsdAxis} label={{ value: "Spend (USD)", angle: -90, position: "insideLeft", ...AXIS_TEXT }} />
        <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(t) => formatBucket(Number(t), bucket)} formatter={formatTooltipUsd} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {models.map((model) => (
          <Bar key={model} name={model} dataKey={(p: SpendPoint) => p.byModel[model]} stackId="spend" fill={modelColor(model, allModels)}
            cursor="pointer" onClick={(item) => onDrill((item.payload as SpendPoint).t, model)} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function CostVsBaselineChart({ data, bucket, onDrill }: Omit<TimeChartProps, "allModels"> & { data: CostVsBaselinePoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} onClick={drillIntoClickedBucket(data, onDrill)}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {timeAxis(bucket)}
        <YAxis tick={AXIS_TEXT} tickFormatter={formatUsdAxis} label={{ value: "Cost (USD)", angle: -90, position: "insideLeft", ...AXIS_TEXT }} />
        <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(t) => formatBucket(Number(t), bucket)} formatter={formatTooltipUsd} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line name="Baseline model" dataKey="baselineCostUsd" stroke="#94a3b8" strokeDasharray="5 4" dot={false} connectNulls={false} isAnimationActive={false} />
        <Line name="Actual (routed)" dataKey="costUsd" stroke="#4f46e5" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function LatencyChart({ data, models, bucket, allModels, onDrill }: TimeChartProps & { data: LatencyPoint[]; models: string[] }) {
  const [percentile, setPercentile] = useState<"p50" | "p95">("p95");
  return (
    <>
      <div className="mb-2 flex justify-end">
        <Toggle label="Latency percentile" value={percentile} options={[["p50", "p50"], ["p95", "p95"]] as const} onChange={setPercentile} />
      </div>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} onClick={drillIntoClickedBucket(data, onDrill)}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {timeAxis(bucket)}
          <YAxis tick={AXIS_TEXT} tickFormatter={(v: number) => formatMs(v)} label={{ value: `${percentile} latency`, angle: -90, position: "insideLeft", ...AXIS_TEXT }} />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(t) => formatBucket(Number(t), bucket)} formatter={(v) => formatMs(typeof v === "number" ? v : null)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {models.map((model) => (
            <Line key={model} name={model} dataKey={(p: LatencyPoint) => p[percentile][model]} stroke={modelColor(model, allModels)} dot={false} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </>
  );
}
