"use client";
/**
 * The "New run" form: solver, endpoint settings for the openai solver (the API key is named by its
 * environment variable on the server — the form never asks for the key), episode settings, scenarios
 * and seeds. It posts to the runs API and opens the new run's page; field errors come back per field.
 */
import { useRouter } from "next/navigation";
import { useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { parseSeedList } from "@/core/run/seeds";
import type { DistractorTier } from "@/core/scenario";
import { isModelErrorCode, startRun } from "@/lib/api/runs-client";
import {
  ENTITY_LABELS,
  IMAGE_HISTORIES,
  OBSERVATION_MODES,
  REASONING_HISTORIES,
  RUN_SOLVERS,
  type FieldErrors,
  type RunSolver,
} from "@/lib/jobs/run-request";
import { humanize, plural } from "@/components/ui/format";

export interface ScenarioOption {
  readonly id: string;
  readonly title: string;
  readonly setting: string;
  readonly tier: DistractorTier;
}

const SOLVER_HELP: Record<RunSolver, string> = {
  random: "Random valid inspections and a random answer: the floor.",
  lexical: "Text only: matches task words to entity and part names and affordances.",
  oracle: "Inspects the gold path and claims the true attributes: the scorer's sanity check.",
  openai: "Any OpenAI-compatible chat-completions endpoint with tool calling and image inputs.",
};

const OBSERVATION_HELP: Record<(typeof OBSERVATION_MODES)[number], string> = {
  image: "views are images only",
  hybrid: "images and text descriptions",
  text: "descriptions only",
};

const TIERS: readonly DistractorTier[] = ["dissimilar", "mixed", "similar"];

function countSeeds(text: string): number | null {
  try {
    return parseSeedList(text).length;
  } catch {
    return null;
  }
}

export function NewRunForm({ scenarios }: { scenarios: readonly ScenarioOption[] }) {
  const router = useRouter();
  const [solver, setSolver] = useState<RunSolver>("lexical");
  const [baseUrl, setBaseUrl] = useState("http://127.0.0.1:8000/v1");
  const [model, setModel] = useState("");
  const [apiKeyEnv, setApiKeyEnv] = useState("OPENAI_API_KEY");
  const [temperature, setTemperature] = useState("");
  const [imageHistory, setImageHistory] = useState<(typeof IMAGE_HISTORIES)[number]>("last");
  const [reasoningHistory, setReasoningHistory] = useState<(typeof REASONING_HISTORIES)[number]>("keep");
  const [entityLabels, setEntityLabels] = useState<(typeof ENTITY_LABELS)[number]>("names");
  const [concurrency, setConcurrency] = useState("4");
  const [useCache, setUseCache] = useState(true);
  const [maxTurns, setMaxTurns] = useState("15");
  const [observation, setObservation] = useState<(typeof OBSERVATION_MODES)[number]>("image");
  const [seeds, setSeeds] = useState("1-3");
  const [scope, setScope] = useState<"all" | "pick">("all");
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  /** The preflight's sentence (endpoint down, key refused, model unknown), shown by the endpoint fields. */
  const [endpointProblem, setEndpointProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const settings = useMemo(() => [...new Set(scenarios.map((s) => s.setting))].sort(), [scenarios]);
  const chosen = scope === "all" ? scenarios.length : picked.size;
  const seedCount = countSeeds(seeds);
  const episodes = seedCount === null ? null : chosen * seedCount;

  const toggle = (id: string) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  /** Adds every scenario of a group, or removes them when all are already picked. */
  const toggleGroup = (ids: readonly string[]) =>
    setPicked((prev) => {
      const next = new Set(prev);
      const all = ids.every((id) => next.has(id));
      for (const id of ids) {
        if (all) next.delete(id);
        else next.add(id);
      }
      return next;
    });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitting(true);
    setMessage(null);
    setEndpointProblem(null);
    const body = {
      solver,
      scenarios: scope === "all" ? "all" : [...picked],
      seeds: seeds.trim(),
      maxTurns: Number(maxTurns),
      observation,
      ...(solver === "openai"
        ? {
            openai: {
              baseUrl: baseUrl.trim(),
              model: model.trim(),
              apiKeyEnv: apiKeyEnv.trim(),
              temperature: temperature.trim() === "" ? null : Number(temperature),
              imageHistory,
              reasoningHistory,
              entityLabels,
              concurrency: Number(concurrency),
              useCache,
            },
          }
        : {}),
    };
    const res = await startRun(body);
    if (res.ok) {
      router.push(res.url);
      return; // keep the button disabled while the run page loads
    }
    setErrors(res.fields);
    if (solver === "openai" && isModelErrorCode(res.code)) setEndpointProblem(res.message);
    else setMessage(res.message);
    setSubmitting(false);
  };

  return (
    <form className="run-form" onSubmit={onSubmit} noValidate data-testid="new-run-form">
      <fieldset className="card form-section">
        <legend className="card-title">Solver</legend>
        <div className="solver-options" role="radiogroup" aria-label="Solver">
          {RUN_SOLVERS.map((name) => (
            <label key={name} className="solver-option" data-checked={solver === name ? "true" : undefined}>
              <input
                type="radio"
                name="solver"
                value={name}
                checked={solver === name}
                onChange={() => setSolver(name)}
                data-testid={`solver-${name}`}
              />
              <span className="solver-option__name">{name}</span>
              <span className="solver-option__help">{SOLVER_HELP[name]}</span>
            </label>
          ))}
        </div>
        <FieldError message={errors.solver} />
      </fieldset>

      {solver === "openai" && (
        <fieldset
          className={`card form-section${endpointProblem ? " form-section--invalid" : ""}`}
          data-testid="openai-fields"
        >
          <legend className="card-title">Endpoint</legend>
          <div className="form-grid">
            <Field label="Base URL" error={errors["openai.baseUrl"]} wide hint="OpenAI, vLLM, Ollama, LM Studio…">
              {(id) => (
                <input
                  id={id}
                  name="baseUrl"
                  type="url"
                  className="input"
                  value={baseUrl}
                  onChange={(e) => setBaseUrl(e.target.value)}
                  placeholder="https://api.openai.com/v1"
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
            </Field>
            <Field label="Model" error={errors["openai.model"]}>
              {(id) => (
                <input
                  id={id}
                  name="model"
                  className="input"
                  value={model}
                  onChange={(e) => setModel(e.target.value)}
                  placeholder="gpt-4o-mini"
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
            </Field>
            <Field
              label="API key variable"
              error={errors["openai.apiKeyEnv"]}
              hint="The name of an environment variable on the server. The key never leaves the server."
            >
              {(id) => (
                <input
                  id={id}
                  name="apiKeyEnv"
                  className="input input--mono"
                  value={apiKeyEnv}
                  onChange={(e) => setApiKeyEnv(e.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
            </Field>
            <Field label="Temperature" error={errors["openai.temperature"]} hint="Empty: the provider's default">
              {(id) => (
                <input
                  id={id}
                  name="temperature"
                  type="number"
                  min={0}
                  max={2}
                  step={0.1}
                  className="input"
                  value={temperature}
                  onChange={(e) => setTemperature(e.target.value)}
                />
              )}
            </Field>
            <Field label="Concurrency" error={errors["openai.concurrency"]} hint="Episodes in flight at once">
              {(id) => (
                <input
                  id={id}
                  name="concurrency"
                  type="number"
                  min={1}
                  max={64}
                  className="input"
                  value={concurrency}
                  onChange={(e) => setConcurrency(e.target.value)}
                />
              )}
            </Field>
            <Field label="Image history" error={errors["openai.imageHistory"]} hint="Images kept in the context">
              {(id) => (
                <select
                  id={id}
                  name="imageHistory"
                  className="input"
                  value={imageHistory}
                  onChange={(e) => setImageHistory(e.target.value as typeof imageHistory)}
                >
                  {IMAGE_HISTORIES.map((h) => (
                    <option key={h} value={h}>
                      {h === "last" ? "last (newest image only)" : h}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Reasoning history" error={errors["openai.reasoningHistory"]}>
              {(id) => (
                <select
                  id={id}
                  name="reasoningHistory"
                  className="input"
                  value={reasoningHistory}
                  onChange={(e) => setReasoningHistory(e.target.value as typeof reasoningHistory)}
                >
                  {REASONING_HISTORIES.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label="Entity labels"
              error={errors["openai.entityLabels"]}
              hint={
                entityLabels === "marks"
                  ? "Numbered marks on the scene; names hidden"
                  : "Candidates listed with their names"
              }
            >
              {(id) => (
                <select
                  id={id}
                  name="entityLabels"
                  className="input"
                  value={entityLabels}
                  onChange={(e) => setEntityLabels(e.target.value as typeof entityLabels)}
                >
                  {ENTITY_LABELS.map((l) => (
                    <option key={l} value={l}>
                      {l === "marks" ? "marks (numbered, no names)" : "names"}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <label className="check-field">
              <input
                type="checkbox"
                name="useCache"
                checked={useCache}
                onChange={(e) => setUseCache(e.target.checked)}
              />
              Reuse cached responses for identical requests
            </label>
          </div>
          <FieldError message={errors.openai} />
          {endpointProblem && (
            <p className="endpoint-problem" role="alert" data-testid="endpoint-error">
              <strong>The endpoint check failed:</strong> {endpointProblem}
            </p>
          )}
        </fieldset>
      )}

      <fieldset className="card form-section">
        <legend className="card-title">Episodes</legend>
        <div className="form-grid">
          <Field label="Seeds" error={errors.seeds} hint="A list or ranges, e.g. 1-3 or 1,2,5">
            {(id) => (
              <input
                id={id}
                name="seeds"
                className="input"
                value={seeds}
                onChange={(e) => setSeeds(e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
          <Field label="Max turns" error={errors.maxTurns} hint="The last turn forces an answer">
            {(id) => (
              <input
                id={id}
                name="maxTurns"
                type="number"
                min={1}
                max={100}
                className="input"
                value={maxTurns}
                onChange={(e) => setMaxTurns(e.target.value)}
              />
            )}
          </Field>
          <Field label="Observation" error={errors.observation} hint={OBSERVATION_HELP[observation]}>
            {(id) => (
              <select
                id={id}
                name="observation"
                className="input"
                value={observation}
                onChange={(e) => setObservation(e.target.value as typeof observation)}
              >
                {OBSERVATION_MODES.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="card form-section" data-testid="scenario-picker">
        <legend className="card-title">
          Scenarios <span className="card-title__count">{plural(chosen, "chosen", "chosen")}</span>
        </legend>
        <div className="segmented" role="radiogroup" aria-label="Scenario scope">
          <label className="segmented__option" data-checked={scope === "all" ? "true" : undefined}>
            <input
              type="radio"
              name="scope"
              value="all"
              checked={scope === "all"}
              onChange={() => setScope("all")}
              data-testid="scope-all"
            />
            All {scenarios.length}
          </label>
          <label className="segmented__option" data-checked={scope === "pick" ? "true" : undefined}>
            <input
              type="radio"
              name="scope"
              value="pick"
              checked={scope === "pick"}
              onChange={() => setScope("pick")}
              data-testid="scope-pick"
            />
            Choose
          </label>
        </div>
        {scope === "pick" && (
          <div className="picker">
            <div className="picker__groups">
              <span className="filters__label">Setting</span>
              {settings.map((s) => {
                const ids = scenarios.filter((o) => o.setting === s).map((o) => o.id);
                return (
                  <GroupChip key={s} ids={ids} picked={picked} onToggle={toggleGroup} testId={`pick-setting-${s}`}>
                    {humanize(s)}
                  </GroupChip>
                );
              })}
            </div>
            <div className="picker__groups">
              <span className="filters__label">Tier</span>
              {TIERS.map((t) => {
                const ids = scenarios.filter((o) => o.tier === t).map((o) => o.id);
                if (ids.length === 0) return null;
                return (
                  <GroupChip
                    key={t}
                    ids={ids}
                    picked={picked}
                    onToggle={toggleGroup}
                    testId={`pick-tier-${t}`}
                    tier={t}
                  >
                    {t}
                  </GroupChip>
                );
              })}
              <button type="button" className="link-button" onClick={() => setPicked(new Set())}>
                Clear
              </button>
            </div>
            <ul className="picker__list">
              {scenarios.map((s) => (
                <li key={s.id}>
                  <label className="picker__item" data-checked={picked.has(s.id) ? "true" : undefined}>
                    <input
                      type="checkbox"
                      checked={picked.has(s.id)}
                      onChange={() => toggle(s.id)}
                      data-testid={`pick-scenario-${s.id}`}
                    />
                    <span className="picker__title">{s.title}</span>
                    <span className="picker__meta">
                      {humanize(s.setting)} · <span className={`tier-text tier-text--${s.tier}`}>{s.tier}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        )}
        <FieldError message={errors.scenarios} />
      </fieldset>

      <div className="form-footer card">
        <p className="form-footer__summary" data-testid="run-size">
          {episodes === null ? (
            "Enter valid seeds to see the size of the run."
          ) : (
            <>
              <strong>{plural(episodes, "episode")}</strong>: {plural(chosen, "scenario")} ×{" "}
              {plural(seedCount ?? 0, "seed")}
            </>
          )}
        </p>
        {message && (
          <p className="form-footer__error" role="alert" data-testid="form-error">
            {message}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={submitting || chosen === 0}
          data-testid="start-run"
        >
          {submitting ? "Starting…" : "Start run"}
        </button>
      </div>
    </form>
  );
}

function Field(props: {
  label: string;
  error: string | undefined;
  hint?: string;
  wide?: boolean;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field${props.wide ? " field--wide" : ""}${props.error ? " field--invalid" : ""}`}>
      <label htmlFor={id} className="field__label">
        {props.label}
      </label>
      {props.children(id)}
      {props.error ? <FieldError message={props.error} /> : props.hint && <p className="field__hint">{props.hint}</p>}
    </div>
  );
}

function FieldError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field__error" role="alert">
      {message}
    </p>
  );
}

function GroupChip(props: {
  ids: readonly string[];
  picked: ReadonlySet<string>;
  onToggle: (ids: readonly string[]) => void;
  testId: string;
  tier?: string;
  children: ReactNode;
}) {
  const count = props.ids.filter((id) => props.picked.has(id)).length;
  const all = count === props.ids.length && count > 0;
  return (
    <button
      type="button"
      className={`chip chip--link${props.tier ? ` chip--tier-${props.tier}` : ""}`}
      aria-pressed={all}
      aria-current={all ? "true" : undefined}
      onClick={() => props.onToggle(props.ids)}
      data-testid={props.testId}
    >
      {props.children}
      <span className="chip__count">
        {count ? `${count}/` : ""}
        {props.ids.length}
      </span>
    </button>
  );
}
