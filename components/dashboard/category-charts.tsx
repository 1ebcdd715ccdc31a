"use client";

// Model mix per task category (share of requests or spend per model) and the categories'
// requests and spend side by side.
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CategoryMix } from "@/server/analytics/build-category-mix";
import { formatUsd } from "@/components/ui/format";
import { dimensionLabel, formatShare, formatUsdAxis, modelColor, AXIS_TEXT, TOOLTIP_STYLE } from "./chart-format";
import { Toggle } from "./chart-card";

const rowsHeight = (n: number) => Math.max(160, 48 * n + 60);

interface CategoryChartProps {
  categories: CategoryMix[];
  onDrill: (narrow: { category: string; model?: string }) => void;
}

export function ModelMixChart({ categories, models, allModels, onDrill }: CategoryChartProps & { models: string[]; allModels: readonly string[] }) {
  const [measure, setMeasure] = useState<"requestShare" | "spendShare">("requestShare");
  const data = categories.map((c) => ({ category: c.category, shares: Object.fromEntries(c.models.map((m) => [m.model, m[measure]])) }));
  return (
    <>
      <div className="mb-2 flex justify-end">
        <Toggle label="Share of" value={measure} options={[["requestShare", "Requests"], ["spendShare", "Spend"]] as const} onChange={setMeasure} />
      </div>
      <ResponsiveContainer width="100%" height={rowsHeight(data.length)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 1]} tick={AXIS_TEXT} tickFormatter={(v: number) => `${Math.round(v * 100)} %`}
            label={{ value: measure === "requestShare" ? "Share of the category's requests" : "Share of the category's spend", position: "insideBottom", offset: -4, ...AXIS_TEXT }} />
          <YAxis type="category" dataKey="category" tick={AXIS_TEXT} width={110} tickFormatter={(c: string) => dimensionLabel(c, "uncategorised")} />
          <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v) => formatShare(typeof v === "number" ? v : null)} />
          <Legend wrapperStyle={{ fontSize: 12, paddingTop: 12 }} />
          {models.map((model) => (
            <Bar key={model} name={dimensionLabel(model, "no model")} dataKey={(d: (typeof data)[number]) => d.shares[model] ?? null} stackId="mix" fill={modelColor(model, allModels)}
              cursor="pointer" onClick={(item) => onDrill({ category: (item.payload as (typeof data)[number]).category, model })} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </>
  );
}

export function CategoryTotalsChart({ categories, onDrill }: CategoryChartProps) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={categories} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="category" tick={AXIS_TEXT} tickFormatter={(c: string) => dimensionLabel(c, "uncategorised")} />
        <YAxis yAxisId="requests" tick={AXIS_TEXT} tickFormatter={(v: number) => v.toLocaleString("en-US")} label={{ value: "Requests", angle: -90, position: "insideLeft", ...AXIS_TEXT }} />
        <YAxis yAxisId="spend" orientation="right" tick={AXIS_TEXT} tickFormatter={formatUsdAxis} label={{ value: "Spend (USD)", angle: 90, position: "insideRight", ...AXIS_TEXT }} />
        <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v, name) => (name === "Spend" ? formatUsd(Number(v)) : Number(v).toLocaleString("en-US"))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="requests" name="Requests" dataKey="requests" fill="#94a3b8" cursor="pointer" onClick={(item) => onDrill({ category: (item.payload as CategoryMix).category })} />
        <Bar yAxisId="spend" name="Spend" dataKey="costUsd" fill="#4f46e5" cursor="pointer" onClick={(item) => onDrill({ category: (item.payload as CategoryMix).category })} />
      </BarChart>
    </ResponsiveContainer>
  );
}
