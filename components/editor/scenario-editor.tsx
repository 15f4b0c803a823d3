"use client";
/**
 * The scenario editor: toolbar, Konva canvas, side panel with live validation, Save (a new version)
 * and the conflict view when someone else saved first. Keyboard: V select · E / Shift+E entity box /
 * polygon · P / Shift+P part box / polygon · O open/close an entity's view · Del delete · arrows nudge
 * (Shift ×10) · Ctrl+Z undo · Ctrl+Shift+Z / Ctrl+Y redo · Ctrl+S save · S snapping · G grid · Esc.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { formatIssue } from "@/core/errors";
import { validateScenarioDocument, type ImageProbe } from "@/core/scenario/validate";
import { ApiError } from "@/lib/client/identity";
import { diffScenarios, moveTarget, type Draft, type Tool } from "@/lib/store/editor-store";
import {
  conflictOf,
  createScenario,
  downloadScenarioZip,
  failedChecksOf,
  issuesOf,
  publishScenario,
  saveScenario,
  type ConflictBody,
} from "@/lib/uploads/editor-client";
import { EditorImagesContext, EditorProvider, useEditor, useEditorApi, type EditorImages } from "./editor-context";
import { EditorCanvas } from "./editor-canvas";
import { AnswersFields, RegionList, ScenarioFields, SelectionFields, selectionOfPath } from "./editor-panel";

export interface ScenarioEditorProps {
  readonly initial: Draft;
  /** The stored version being edited; null for a new scenario. */
  readonly baseVersion: number | null;
  /** URL of every image file the document names. */
  readonly imageUrls: Readonly<Record<string, string>>;
  /** The stored version is a draft (made or edited here, not published: not in "All"). */
  readonly draft?: boolean;
}

export function ScenarioEditor(props: ScenarioEditorProps) {
  return (
    <EditorProvider initial={props.initial} baseVersion={props.baseVersion}>
      <EditorBody {...props} />
    </EditorProvider>
  );
}

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; version: number }
  | { kind: "error"; message: string; issues: string[] }
  | { kind: "conflict"; conflict: ConflictBody; mine: Draft; startedFrom: number };

type PublishState =
  | { kind: "idle" }
  | { kind: "publishing" }
  | { kind: "published"; version: number }
  | { kind: "refused"; message: string; failed: string[] };

const TOOLS: { tool: Tool; label: string; key: string }[] = [
  { tool: "select", label: "Select", key: "V" },
  { tool: "entity-box", label: "Entity box", key: "E" },
  { tool: "entity-polygon", label: "Entity polygon", key: "⇧E" },
  { tool: "part-box", label: "Part box", key: "P" },
  { tool: "part-polygon", label: "Part polygon", key: "⇧P" },
];

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable)
  );
}

function EditorBody({ baseVersion: initialBase, imageUrls: initialUrls, draft: initialDraft }: ScenarioEditorProps) {
  const [isDraft, setIsDraft] = useState(initialDraft === true);
  const [publish, setPublish] = useState<PublishState>({ kind: "idle" });
  const [added, setAdded] = useState<{
    urls: Record<string, string>;
    sizes: Record<string, { width: number; height: number }>;
  }>({ urls: {}, sizes: {} });
  const imageUrls = useMemo(() => ({ ...initialUrls, ...added.urls }), [initialUrls, added.urls]);
  const images = useMemo<EditorImages>(
    () => ({
      urls: imageUrls,
      sizes: added.sizes,
      add: (file, url, size) =>
        setAdded((a) => ({ urls: { ...a.urls, [file]: url }, sizes: { ...a.sizes, [file]: size } })),
    }),
    [imageUrls, added.sizes],
  );
  const api = useEditorApi();
  const router = useRouter();
  const doc = useEditor((s) => s.doc);
  const baseVersion = useEditor((s) => s.baseVersion);
  const dirty = useEditor((s) => s.dirty);
  const tool = useEditor((s) => s.tool);
  const snap = useEditor((s) => s.snap);
  const grid = useEditor((s) => s.grid);
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const selection = useEditor((s) => s.selection);
  const space = useEditor((s) => s.space);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [tab, setTab] = useState<"scenario" | "regions" | "answers">(initialBase === null ? "scenario" : "regions");
  const isNew = baseVersion === null;

  // Live validation with the same validator as the CLI (image sizes: the scene's declared size; view
  // files are checked by the server on save).
  const deferred = useDeferredValue(doc);
  const issues = useMemo(() => {
    const probe = (file: string): ImageProbe =>
      file === deferred.scene.image
        ? { status: "ok", width: deferred.scene.width, height: deferred.scene.height }
        : added.sizes[file]
          ? { status: "ok", ...added.sizes[file] }
          : imageUrls[file]
            ? { status: "ok", width: Number.MAX_SAFE_INTEGER, height: Number.MAX_SAFE_INTEGER }
            : { status: "missing" };
    return validateScenarioDocument(deferred, { file: "scenario.json", probeImage: probe }).issues;
  }, [deferred, imageUrls, added.sizes]);

  const doSave = useCallback(async () => {
    const state = api.getState();
    // an unchanged document would only bump the version
    if (state.baseVersion !== null && !state.dirty) return;
    setSave({ kind: "saving" });
    try {
      if (state.baseVersion === null) {
        const saved = await createScenario(state.doc);
        state.load(saved.scenario, saved.version);
        setSave({ kind: "saved", version: saved.version });
        setIsDraft(true);
        setPublish({ kind: "idle" });
        router.replace(`/scenarios/${saved.scenario.id}/edit`);
        return;
      }
      const saved = await saveScenario(state.doc, state.baseVersion);
      state.load(saved.scenario, saved.version);
      setSave({ kind: "saved", version: saved.version });
      setIsDraft(true);
      setPublish({ kind: "idle" });
    } catch (error) {
      const conflict = conflictOf(error);
      if (conflict) {
        setSave({ kind: "conflict", conflict, mine: state.doc, startedFrom: state.baseVersion ?? 0 });
        return;
      }
      const message = error instanceof ApiError ? error.message : "The scenario could not be saved.";
      setSave({ kind: "error", message, issues: issuesOf(error) ?? [] });
    }
  }, [api, router]);

  const doPublish = useCallback(async () => {
    const id = api.getState().doc.id;
    setPublish({ kind: "publishing" });
    try {
      const published = await publishScenario(id);
      setIsDraft(false);
      setPublish({ kind: "published", version: published.version });
    } catch (error) {
      const failed = failedChecksOf(error);
      const message = error instanceof ApiError ? error.message : "The scenario could not be published.";
      setPublish({ kind: "refused", message, failed: failed ?? [] });
    }
  }, [api]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === "s") {
        e.preventDefault();
        void doSave();
        return;
      }
      if (isTyping(e.target)) return;
      const s = api.getState();
      if (mod && key === "z") {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
        return;
      }
      if (mod && key === "y") {
        e.preventDefault();
        s.redo();
        return;
      }
      if (mod || e.altKey) return;
      if (key === "v" || key === "escape") {
        if (key === "escape" && s.tool === "select") s.select(null);
        s.setTool("select");
      } else if (key === "e") s.setTool(e.shiftKey ? "entity-polygon" : "entity-box");
      else if (key === "p") s.setTool(e.shiftKey ? "part-polygon" : "part-box");
      else if (key === "s") s.setSnap(!s.snap);
      else if (key === "g") s.setGrid(s.grid ? 0 : 10);
      else if (key === "o") {
        const entity = s.selection ? s.doc.entities[s.selection.entity] : undefined;
        if (s.space.kind === "view") s.setSpace({ kind: "scene" });
        else if (entity?.view && s.selection) s.setSpace({ kind: "view", entity: s.selection.entity });
      } else if (key === "delete" || key === "backspace") {
        e.preventDefault();
        s.deleteSelected();
      } else if (key.startsWith("arrow") && s.selection) {
        e.preventDefault();
        const step = e.shiftKey ? 10 : 1;
        const dx = key === "arrowleft" ? -step : key === "arrowright" ? step : 0;
        const dy = key === "arrowup" ? -step : key === "arrowdown" ? step : 0;
        const target = s.selection;
        s.apply((d) => moveTarget(d, target, dx, dy), `nudge:${target.entity}:${target.part}`);
      } else return;
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [api, doSave]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Selecting a region brings its fields forward.
  useEffect(() => {
    if (selection) setTab("regions");
  }, [selection]);

  const selectedEntity = selection ? doc.entities[selection.entity] : undefined;
  const partToolHint =
    (tool === "part-box" || tool === "part-polygon") &&
    space.kind === "scene" &&
    (!selectedEntity || selectedEntity.view)
      ? selectedEntity?.view
        ? "This entity's parts are drawn on its view: press O to open it."
        : "Select an entity first: parts belong to the selected entity."
      : null;

  return (
    <EditorImagesContext.Provider value={images}>
      <div className="editor" data-testid="scenario-editor" data-dirty={dirty ? "true" : "false"}>
        <div className="editor__bar">
          <div className="editor__tools" role="toolbar" aria-label="Drawing tools">
            {TOOLS.map((t) => (
              <button
                key={t.tool}
                type="button"
                className={`button button--small${tool === t.tool ? " is-active" : ""}`}
                aria-pressed={tool === t.tool}
                onClick={() => api.getState().setTool(t.tool)}
                data-testid={`tool-${t.tool}`}
              >
                {t.label} <kbd>{t.key}</kbd>
              </button>
            ))}
            <span className="editor__sep" aria-hidden="true" />
            <button
              type="button"
              className="button button--small"
              disabled={!canUndo}
              onClick={() => api.getState().undo()}
            >
              Undo <kbd>Ctrl+Z</kbd>
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={!canRedo}
              onClick={() => api.getState().redo()}
            >
              Redo <kbd>Ctrl+⇧Z</kbd>
            </button>
            <span className="editor__sep" aria-hidden="true" />
            <label className="ed-check">
              <input type="checkbox" checked={snap} onChange={(e) => api.getState().setSnap(e.target.checked)} /> Snap{" "}
              <kbd>S</kbd>
            </label>
            <label className="ed-check">
              <input
                type="checkbox"
                checked={grid > 0}
                onChange={(e) => api.getState().setGrid(e.target.checked ? 10 : 0)}
              />{" "}
              Grid 10px <kbd>G</kbd>
            </label>
            {space.kind === "view" && (
              <button
                type="button"
                className="button button--small"
                onClick={() => api.getState().setSpace({ kind: "scene" })}
              >
                ← Scene <kbd>O</kbd>
              </button>
            )}
          </div>
          <div className="editor__save">
            <SaveStatus save={save} dirty={dirty} baseVersion={baseVersion} />
            {!isNew && (
              <a
                className="button button--small"
                href={`/api/scenarios/${doc.id}/export`}
                download
                onClick={(event) => {
                  // through fetch, so the token travels with it (the zip holds the answers)
                  event.preventDefault();
                  downloadScenarioZip(doc.id).catch((error: unknown) =>
                    setSave({
                      kind: "error",
                      message: error instanceof ApiError ? error.message : "The zip could not be downloaded.",
                      issues: [],
                    }),
                  );
                }}
              >
                Export zip
              </a>
            )}
            <button
              type="button"
              className="button button--primary"
              onClick={() => void doSave()}
              disabled={save.kind === "saving" || (!isNew && !dirty)}
              title={!isNew && !dirty ? "Nothing changed since this version" : undefined}
              data-testid="editor-save"
            >
              {isNew ? "Create scenario" : "Save new version"} <kbd>Ctrl+S</kbd>
            </button>
            {!isNew && isDraft && (
              <button
                type="button"
                className="button"
                onClick={() => void doPublish()}
                disabled={publish.kind === "publishing" || dirty || save.kind === "saving"}
                title={
                  dirty
                    ? "Save your changes first: Publish publishes the saved draft"
                    : "Run the readiness checks and add this scenario to the benchmark (“All”)"
                }
                data-testid="editor-publish"
              >
                {publish.kind === "publishing" ? "Publishing…" : "Publish"}
              </button>
            )}
          </div>
        </div>
        {!isNew && <PublishNotice draft={isDraft} publish={publish} onDismiss={() => setPublish({ kind: "idle" })} />}
        {partToolHint && (
          <p className="editor__hint" role="status">
            {partToolHint}
          </p>
        )}
        {save.kind === "conflict" && (
          <ConflictPanel
            state={save}
            onRebase={() => {
              api.getState().load(save.mine, save.conflict.latest.version, { dirty: true });
              setSave({ kind: "idle" });
            }}
            onTakeLatest={() => {
              api.getState().load(save.conflict.latest.scenario, save.conflict.latest.version);
              setSave({ kind: "idle" });
            }}
            onCopied={(id) => router.push(`/scenarios/${id}/edit`)}
          />
        )}
        <div className="editor__main">
          <div className="editor__canvas-wrap">
            <EditorCanvas imageUrls={imageUrls} />
          </div>
          <aside className="editor__panel" aria-label="Scenario fields">
            <div className="ed-tabs" role="tablist">
              {(
                [
                  ["scenario", "Scenario"],
                  ["regions", `Regions (${doc.entities.length})`],
                  ["answers", `Answers (${doc.gold.length})`],
                ] as const
              ).map(([id, label]) => (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  aria-selected={tab === id}
                  className={`ed-tab${tab === id ? " is-active" : ""}`}
                  onClick={() => setTab(id)}
                  data-testid={`ed-tab-${id}`}
                >
                  {label}
                </button>
              ))}
            </div>
            <div className="editor__panel-body">
              {tab === "scenario" && <ScenarioFields isNew={isNew} />}
              {tab === "regions" && (
                <>
                  <SelectionFields />
                  <h3 className="ed-subtitle">All regions</h3>
                  <RegionList />
                </>
              )}
              {tab === "answers" && <AnswersFields />}
            </div>
            <ValidationList
              issues={issues.map((i) => ({ line: formatIssue(i), path: i.path }))}
              serverIssues={save.kind === "error" ? save.issues : []}
              serverMessage={save.kind === "error" ? save.message : null}
            />
          </aside>
        </div>
      </div>
    </EditorImagesContext.Provider>
  );
}

/** Whether this scenario is a draft, and the outcome of the last Publish (each failed check a sentence). */
function PublishNotice({
  draft,
  publish,
  onDismiss,
}: {
  draft: boolean;
  publish: PublishState;
  onDismiss: () => void;
}) {
  if (publish.kind === "refused")
    return (
      <div className="notice notice--warn editor__publish" role="alert" data-testid="editor-publish-refused">
        <strong>Not published.</strong> {publish.failed.length > 0 ? "Fix these first:" : publish.message}
        {publish.failed.length > 0 && (
          <ul data-testid="editor-publish-failures">
            {publish.failed.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    );
  if (publish.kind === "published")
    return (
      <p className="notice editor__publish" role="status" data-testid="editor-published">
        Published version {publish.version}: it passed every readiness check and is now part of “All”.
      </p>
    );
  if (!draft) return null;
  return (
    <p className="editor__hint editor__publish" data-testid="editor-draft-note">
      <span className="badge badge--draft">draft</span> Playable and editable, but not part of “All” until you publish
      it (Publish checks: at least 3 entities, the tier agrees with the similar parts, every gold part can be inspected,
      no validator problem).
    </p>
  );
}

function SaveStatus({ save, dirty, baseVersion }: { save: SaveState; dirty: boolean; baseVersion: number | null }) {
  let text: string;
  if (save.kind === "saving") text = "Saving…";
  else if (save.kind === "saved" && !dirty) text = `Saved as version ${save.version}`;
  else if (dirty) text = baseVersion === null ? "Not saved yet" : `Unsaved changes (on version ${baseVersion})`;
  else text = baseVersion === null ? "New scenario" : `Version ${baseVersion}`;
  return (
    <span className="editor__status" role="status" data-testid="editor-status">
      {text}
    </span>
  );
}

function ValidationList({
  issues,
  serverIssues,
  serverMessage,
}: {
  issues: { line: string; path: string }[];
  serverIssues: string[];
  serverMessage: string | null;
}) {
  const api = useEditorApi();
  return (
    <section className="ed-problems" aria-label="Validation" data-testid="editor-validation">
      {serverMessage && (
        <div className="ed-problems__server" role="alert" data-testid="editor-save-error">
          <strong>Not saved:</strong> {serverMessage}
          {serverIssues.length > 1 && (
            <ul>
              {serverIssues.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <h3 className="ed-subtitle">
        {issues.length === 0 ? "✓ Valid scenario" : `${issues.length} problem${issues.length === 1 ? "" : "s"} to fix`}
      </h3>
      {issues.length > 0 && (
        <ul className="ed-problems__list">
          {issues.slice(0, 50).map((issue, i) => {
            const target = selectionOfPath(issue.path);
            return (
              <li key={i}>
                {target ? (
                  <button type="button" className="linkish" onClick={() => api.getState().select(target)}>
                    {issue.line}
                  </button>
                ) : (
                  issue.line
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ConflictPanel({
  state,
  onRebase,
  onTakeLatest,
  onCopied,
}: {
  state: Extract<SaveState, { kind: "conflict" }>;
  onRebase: () => void;
  onTakeLatest: () => void;
  onCopied: (id: string) => void;
}) {
  const { conflict, mine, startedFrom } = state;
  const latest = conflict.latest.scenario;
  const diff = useMemo(() => diffScenarios(mine, latest), [mine, latest]);
  const [copyId, setCopyId] = useState(`${mine.id}-copy`);
  const [copyError, setCopyError] = useState<string | null>(null);
  const summary = (d: Draft) =>
    `${d.entities.length} entities, ${d.entities.reduce((n, e) => n + e.parts.length, 0)} parts, ${d.gold.length} gold`;
  return (
    <section
      className="ed-conflict"
      role="alertdialog"
      aria-labelledby="ed-conflict-title"
      data-testid="editor-conflict"
    >
      <h2 id="ed-conflict-title">Someone saved this scenario while you were editing</h2>
      <p>
        You started from version {startedFrom}; the latest is version {conflict.latest.version}. Nothing is lost: your
        edit is kept on the server (draft #{conflict.draftId}) and is still here in the editor.
      </p>
      <div className="ed-conflict__cols">
        <div>
          <h3>Yours (unsaved)</h3>
          <p className="ed-conflict__title" data-testid="conflict-mine-title">
            {mine.title}
          </p>
          <p className="muted">{summary(mine)}</p>
        </div>
        <div>
          <h3>Latest (version {conflict.latest.version})</h3>
          <p className="ed-conflict__title" data-testid="conflict-latest-title">
            {latest.title}
          </p>
          <p className="muted">{summary(latest)}</p>
        </div>
      </div>
      {diff.length > 0 && (
        <ul className="ed-conflict__diff" data-testid="conflict-diff">
          {diff.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div className="ed-conflict__actions">
        <button type="button" className="button button--primary" onClick={onRebase} data-testid="conflict-rebase">
          Keep mine on top of version {conflict.latest.version}
        </button>
        <button type="button" className="button" onClick={onTakeLatest} data-testid="conflict-take-latest">
          Load the latest (Ctrl+Z brings mine back)
        </button>
        <form
          className="ed-conflict__copy"
          onSubmit={(e) => {
            e.preventDefault();
            setCopyError(null);
            createScenario({ ...mine, id: copyId, version: 1 }, mine.id)
              .then((saved) => onCopied(saved.scenario.id))
              .catch((error: unknown) =>
                setCopyError(error instanceof ApiError ? error.message : "The copy could not be saved."),
              );
          }}
        >
          <label>
            Save mine as a copy with id{" "}
            <input value={copyId} onChange={(e) => setCopyId(e.target.value)} aria-label="Id of the copy" />
          </label>
          <button type="submit" className="button">
            Save copy
          </button>
          {copyError && (
            <span className="ed-error" role="alert">
              {copyError}
            </span>
          )}
        </form>
      </div>
      <p className="muted">
        Choosing “keep mine” makes your version the next one after {conflict.latest.version} when you save: the other
        person’s changes listed above are then replaced by yours.
      </p>
      <Link href={`/scenarios/${mine.id}`}>Open the scenario page</Link>
    </section>
  );
}
