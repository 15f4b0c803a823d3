"use client";
/**
 * The editor's side panel: the scenario's text fields, the entity/part list and the selected region's
 * fields (attributes from the vocabulary, affordances), and the answers (gold and similar). Every change
 * is one undoable edit of the draft; typing in one field coalesces into one undo step.
 */
import { useId, useState, type ReactNode } from "react";
import { ApiError } from "@/lib/client/identity";
import { uploadPhoto } from "@/lib/uploads/editor-client";
import { ATTRIBUTES, attributeDefinition } from "@/core/scenario/vocabulary";
import {
  DISTRACTOR_TIERS,
  KNOWN_SETTINGS,
  SOURCE_KINDS,
  attributeValues,
  formatAttributeValue,
  type AttributeValue,
  type Part,
} from "@/core/scenario/schema";
import {
  renameId,
  toggleAttributeValue,
  updateEntity,
  updatePart,
  type Draft,
  type Selection,
} from "@/lib/store/editor-store";
import { useEditor, useEditorApi, useEditorImages } from "./editor-context";

function useEdit() {
  const api = useEditorApi();
  return (recipe: (d: Draft) => Draft, key?: string) => api.getState().apply(recipe, key);
}

function Field({ label, children, hint }: { label: string; children: (id: string) => ReactNode; hint?: string }) {
  const id = useId();
  return (
    <div className="ed-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <p className="ed-hint">{hint}</p>}
    </div>
  );
}

const lines = (text: string) => text.split("\n");
const joinLines = (list: readonly string[]) => list.join("\n");
/** Lines as typed; empty lines are dropped only at the end (so Enter starts a new line). */
const fromLines = (text: string) => {
  const out = lines(text);
  while (out.length > 0 && out.at(-1) === "" && out.length > 1 && out.at(-2) === "") out.pop();
  return out.length === 1 && out[0] === "" ? [] : out;
};

export function ScenarioFields({ isNew }: { isNew: boolean }) {
  const doc = useEditor((s) => s.doc);
  const edit = useEdit();
  return (
    <div className="ed-section" data-testid="ed-scenario-fields">
      {isNew && (
        <Field label="Id (folder name)" hint="Lower-case letters, digits and '-'. Cannot change after the first save.">
          {(id) => (
            <input
              id={id}
              name="scenario-id"
              value={doc.id}
              onChange={(e) => edit((d) => ({ ...d, id: e.target.value }), "id")}
              spellCheck={false}
            />
          )}
        </Field>
      )}
      <Field label="Title">
        {(id) => (
          <input
            id={id}
            name="title"
            value={doc.title}
            onChange={(e) => edit((d) => ({ ...d, title: e.target.value }), "title")}
          />
        )}
      </Field>
      <div className="ed-row">
        <Field label="Setting">
          {(id) => (
            <input
              id={id}
              name="setting"
              list="ed-settings"
              value={doc.setting}
              onChange={(e) => edit((d) => ({ ...d, setting: e.target.value }), "setting")}
            />
          )}
        </Field>
        <datalist id="ed-settings">
          {KNOWN_SETTINGS.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <Field label="Distractors">
          {(id) => (
            <select
              id={id}
              name="tier"
              value={doc.distractorSimilarity}
              onChange={(e) =>
                edit((d) => ({ ...d, distractorSimilarity: e.target.value as Draft["distractorSimilarity"] }))
              }
            >
              {DISTRACTOR_TIERS.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Task (first person, what the solver reads)">
        {(id) => (
          <textarea
            id={id}
            name="task"
            rows={3}
            value={doc.task}
            onChange={(e) => edit((d) => ({ ...d, task: e.target.value }), "task")}
          />
        )}
      </Field>
      <Field label="Constraints (one per line)">
        {(id) => (
          <textarea
            id={id}
            name="constraints"
            rows={3}
            value={joinLines(doc.constraints)}
            onChange={(e) => edit((d) => ({ ...d, constraints: fromLines(e.target.value) }), "constraints")}
          />
        )}
      </Field>
      <div className="ed-row">
        <Field label="Source">
          {(id) => (
            <select
              id={id}
              value={doc.source.kind}
              onChange={(e) =>
                edit((d) => ({ ...d, source: { ...d.source, kind: e.target.value as Draft["source"]["kind"] } }))
              }
            >
              {SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Licence">
          {(id) => (
            <input
              id={id}
              value={doc.source.license}
              onChange={(e) => edit((d) => ({ ...d, source: { ...d.source, license: e.target.value } }), "license")}
            />
          )}
        </Field>
      </div>
      <Field label="Attribution">
        {(id) => (
          <input
            id={id}
            value={doc.source.attribution}
            onChange={(e) =>
              edit((d) => ({ ...d, source: { ...d.source, attribution: e.target.value } }), "attribution")
            }
          />
        )}
      </Field>
    </div>
  );
}

export function RegionList() {
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const api = useEditorApi();
  if (doc.entities.length === 0) {
    return (
      <p className="ed-empty">
        No entities yet. Press <kbd>E</kbd> and drag a box on the photo (or <kbd>Shift</kbd>+<kbd>E</kbd> for a
        polygon).
      </p>
    );
  }
  return (
    <ul className="ed-tree" data-testid="ed-region-list">
      {doc.entities.map((e, i) => (
        <li key={i}>
          <button
            type="button"
            className={`ed-tree__item ed-tree__item--entity${selection?.entity === i && selection.part === null ? " is-selected" : ""}`}
            onClick={() => api.getState().select({ entity: i, part: null })}
            data-testid={`ed-entity-${i}`}
          >
            <span className="ed-swatch ed-swatch--entity" aria-hidden="true" />
            {e.name || e.id}{" "}
            <span className="muted">
              ({e.parts.length} part{e.parts.length === 1 ? "" : "s"})
            </span>
          </button>
          {e.parts.length > 0 && (
            <ul>
              {e.parts.map((p, j) => (
                <li key={j}>
                  <button
                    type="button"
                    className={`ed-tree__item${selection?.entity === i && selection.part === j ? " is-selected" : ""}`}
                    onClick={() => api.getState().select({ entity: i, part: j })}
                  >
                    <span className="ed-swatch ed-swatch--part" aria-hidden="true" />
                    {p.name || p.id}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

export function SelectionFields() {
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const space = useEditor((s) => s.space);
  const api = useEditorApi();
  const edit = useEdit();
  if (!selection) return <p className="ed-empty">Select a region on the photo or in the list to edit it.</p>;
  const entity = doc.entities[selection.entity];
  if (!entity) return null;
  const part = selection.part === null ? null : entity.parts[selection.part];
  const key = `${selection.entity}:${selection.part ?? "e"}`;

  if (!part) {
    return (
      <div className="ed-section" data-testid="ed-entity-fields">
        <h3 className="ed-subtitle">Entity</h3>
        <div className="ed-row">
          <Field label="Id">
            {(id) => (
              <input
                id={id}
                name="entity-id"
                value={entity.id}
                spellCheck={false}
                onChange={(e) => edit((d) => renameId(d, selection, e.target.value), `eid:${key}`)}
              />
            )}
          </Field>
          <Field label="Name">
            {(id) => (
              <input
                id={id}
                name="entity-name"
                value={entity.name}
                onChange={(e) =>
                  edit((d) => updateEntity(d, selection.entity, (x) => ({ ...x, name: e.target.value })), `en:${key}`)
                }
              />
            )}
          </Field>
        </div>
        <Field label="Description (text mode shows it)">
          {(id) => (
            <textarea
              id={id}
              rows={2}
              value={entity.description}
              onChange={(e) =>
                edit(
                  (d) => updateEntity(d, selection.entity, (x) => ({ ...x, description: e.target.value })),
                  `ed:${key}`,
                )
              }
            />
          )}
        </Field>
        <ViewUpload entityIndex={selection.entity} hasView={Boolean(entity.view)} />
        {entity.view ? (
          <p className="ed-hint">
            This entity has its own view photo (<code>{entity.view}</code>); its parts are drawn on it.{" "}
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                api
                  .getState()
                  .setSpace(space.kind === "view" ? { kind: "scene" } : { kind: "view", entity: selection.entity })
              }
            >
              {space.kind === "view" ? "Back to the scene (O)" : "Open the view (O)"}
            </button>
          </p>
        ) : (
          <p className="ed-hint">
            Parts are drawn on the scene: press <kbd>P</kbd> and drag inside this entity.
          </p>
        )}
        <button
          type="button"
          className="button button--small button--danger"
          onClick={() => api.getState().deleteSelected()}
        >
          Delete entity (Del)
        </button>
      </div>
    );
  }

  const setPart = (fn: (p: Part) => Part, k?: string) =>
    edit((d) => updatePart(d, selection.entity, selection.part!, fn), k);
  return (
    <div className="ed-section" data-testid="ed-part-fields">
      <h3 className="ed-subtitle">
        Part of <span className="muted">{entity.id}</span>
      </h3>
      <div className="ed-row">
        <Field label="Id">
          {(id) => (
            <input
              id={id}
              name="part-id"
              value={part.id}
              spellCheck={false}
              onChange={(e) => edit((d) => renameId(d, selection, e.target.value), `pid:${key}`)}
            />
          )}
        </Field>
        <Field label="Name">
          {(id) => (
            <input
              id={id}
              name="part-name"
              value={part.name}
              onChange={(e) => setPart((p) => ({ ...p, name: e.target.value }), `pn:${key}`)}
            />
          )}
        </Field>
      </div>
      <Field label="Description">
        {(id) => (
          <textarea
            id={id}
            rows={2}
            value={part.description}
            onChange={(e) => setPart((p) => ({ ...p, description: e.target.value }), `pd:${key}`)}
          />
        )}
      </Field>
      <AttributeEditor part={part} onChange={setPart} />
      <Field label="Affordances (one per line: what this part can be used for)">
        {(id) => (
          <textarea
            id={id}
            name="affordances"
            rows={3}
            value={joinLines(part.affordances)}
            onChange={(e) => setPart((p) => ({ ...p, affordances: fromLines(e.target.value) }), `pa:${key}`)}
          />
        )}
      </Field>
      <button
        type="button"
        className="button button--small button--danger"
        onClick={() => api.getState().deleteSelected()}
      >
        Delete part (Del)
      </button>
    </div>
  );
}

function AttributeEditor({ part, onChange }: { part: Part; onChange: (fn: (p: Part) => Part, key?: string) => void }) {
  const used = new Set(part.attributes.map((a) => a.name));
  const next = ATTRIBUTES.find((a) => !used.has(a.name));
  const setAttr = (k: number, patch: Partial<Part["attributes"][number]>, key?: string) =>
    onChange((p) => ({ ...p, attributes: p.attributes.map((a, i) => (i === k ? { ...a, ...patch } : a)) }), key);
  return (
    <fieldset className="ed-attrs" data-testid="ed-attributes">
      <legend>Attributes</legend>
      {part.attributes.length === 0 && <p className="ed-hint">None yet.</p>}
      {part.attributes.map((attr, k) => {
        const def = attributeDefinition(attr.name);
        return (
          <div className="ed-attr" key={k}>
            <select
              aria-label={`Attribute ${k + 1} name`}
              value={attr.name}
              onChange={(e) => {
                const d = attributeDefinition(e.target.value);
                setAttr(k, { name: e.target.value, value: d?.values?.[0] ?? "", visual: d?.usuallyVisual ?? true });
              }}
            >
              {ATTRIBUTES.map((a) => (
                <option key={a.name} value={a.name} disabled={used.has(a.name) && a.name !== attr.name}>
                  {a.label}
                </option>
              ))}
            </select>
            {def?.values ? (
              <ValueMultiSelect
                name={attr.name}
                values={def.values}
                value={attr.value}
                onChange={(value) => setAttr(k, { value })}
              />
            ) : (
              <input
                aria-label={`${attr.name} value`}
                value={formatAttributeValue(attr.value)}
                onChange={(e) => setAttr(k, { value: e.target.value }, `av:${k}`)}
              />
            )}
            <label className="ed-check" title="Can be judged from the image">
              <input type="checkbox" checked={attr.visual} onChange={(e) => setAttr(k, { visual: e.target.checked })} />{" "}
              visual
            </label>
            <button
              type="button"
              className="button button--icon"
              aria-label={`Remove ${attr.name}`}
              onClick={() => onChange((p) => ({ ...p, attributes: p.attributes.filter((_, i) => i !== k) }))}
            >
              ×
            </button>
          </div>
        );
      })}
      {next && (
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            onChange((p) => ({
              ...p,
              attributes: [
                ...p.attributes,
                { name: next.name, value: next.values?.[0] ?? "", visual: next.usuallyVisual },
              ],
            }))
          }
        >
          + Attribute
        </button>
      )}
    </fieldset>
  );
}

/**
 * The values of a closed-vocabulary attribute: a drop-down of checkboxes, since a part may be several
 * things at once (a broom handle is cylindrical and elongated). Values not in the vocabulary (from a
 * hand-edited file) stay listed, ticked, so the validator's message about them can be acted on.
 */
function ValueMultiSelect({
  name,
  values,
  value,
  onChange,
}: {
  name: string;
  values: readonly string[];
  value: AttributeValue;
  onChange: (value: AttributeValue) => void;
}) {
  const chosen = attributeValues(value).filter((v) => v !== "");
  const options = [...chosen.filter((v) => !values.includes(v)), ...values];
  return (
    <details className="ed-values" data-testid={`ed-values-${name}`}>
      <summary aria-label={`${name} values`}>{chosen.length > 0 ? chosen.join(", ") : "—"}</summary>
      <div className="ed-values__list" role="group" aria-label={`${name} values`}>
        {options.map((v) => {
          const on = chosen.includes(v);
          return (
            <label key={v} className="ed-check">
              <input
                type="checkbox"
                checked={on}
                disabled={on && chosen.length === 1}
                onChange={(e) => onChange(toggleAttributeValue(value, v, e.target.checked))}
              />{" "}
              {v}
            </label>
          );
        })}
      </div>
    </details>
  );
}

function PartPicker({
  doc,
  entity,
  part,
  onChange,
  label,
}: {
  doc: Draft;
  entity: string;
  part: string;
  onChange: (entity: string, part: string) => void;
  label: string;
}) {
  const e = doc.entities.find((x) => x.id === entity);
  return (
    <div className="ed-row">
      <select
        aria-label={`${label} entity`}
        value={entity}
        onChange={(ev) => {
          const ne = doc.entities.find((x) => x.id === ev.target.value);
          onChange(ev.target.value, ne?.parts[0]?.id ?? "");
        }}
      >
        {!e && <option value={entity}>{entity || "—"}</option>}
        {doc.entities.map((x) => (
          <option key={x.id} value={x.id}>
            {x.id}
          </option>
        ))}
      </select>
      <select aria-label={`${label} part`} value={part} onChange={(ev) => onChange(entity, ev.target.value)}>
        {!e?.parts.some((p) => p.id === part) && <option value={part}>{part || "—"}</option>}
        {(e?.parts ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.id}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AnswersFields() {
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const edit = useEdit();
  const firstPair = (): { entity: string; part: string } => {
    const e = (selection ? doc.entities[selection.entity] : undefined) ?? doc.entities[0];
    const p = selection && selection.part !== null ? e?.parts[selection.part] : e?.parts[0];
    return { entity: e?.id ?? "", part: p?.id ?? "" };
  };
  const similar = doc.similar ?? [];
  return (
    <div className="ed-section" data-testid="ed-answers">
      <h3 className="ed-subtitle">Gold solutions</h3>
      {doc.gold.length === 0 && <p className="ed-hint">At least one is needed. Select the right part, then add it.</p>}
      {doc.gold.map((g, i) => {
        const part = doc.entities.find((e) => e.id === g.entity)?.parts.find((p) => p.id === g.part);
        const setGold = (patch: Partial<Draft["gold"][number]>, key?: string) =>
          edit((d) => ({ ...d, gold: d.gold.map((x, k) => (k === i ? { ...x, ...patch } : x)) }), key);
        return (
          <div className="ed-card" key={i} data-testid={`ed-gold-${i}`}>
            <PartPicker
              doc={doc}
              entity={g.entity}
              part={g.part}
              label={`Gold ${i + 1}`}
              onChange={(entity, p) => setGold({ entity, part: p, requiredAttributes: [] })}
            />
            <Field label="Affordance">
              {(id) => (
                <input
                  id={id}
                  name={`gold-${i}-affordance`}
                  list={`ed-aff-${i}`}
                  value={g.affordance}
                  onChange={(e) => setGold({ affordance: e.target.value }, `ga:${i}`)}
                />
              )}
            </Field>
            <datalist id={`ed-aff-${i}`}>
              {(part?.affordances ?? []).map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
            {part && part.attributes.length > 0 && (
              <fieldset className="ed-attrs">
                <legend>Required attributes</legend>
                {part.attributes.flatMap((a) =>
                  attributeValues(a.value).map((v) => {
                    const on = g.requiredAttributes.some((r) => r.name === a.name && r.value === v);
                    return (
                      <label key={`${a.name}:${v}`} className="ed-check">
                        <input
                          type="checkbox"
                          checked={on}
                          onChange={(e) =>
                            setGold({
                              requiredAttributes: e.target.checked
                                ? [...g.requiredAttributes, { name: a.name, value: v }]
                                : g.requiredAttributes.filter((r) => !(r.name === a.name && r.value === v)),
                            })
                          }
                        />{" "}
                        {a.name}: {v}
                      </label>
                    );
                  }),
                )}
              </fieldset>
            )}
            <Field label="How to use it">
              {(id) => (
                <textarea
                  id={id}
                  name={`gold-${i}-howto`}
                  rows={2}
                  value={g.howTo}
                  onChange={(e) => setGold({ howTo: e.target.value }, `gh:${i}`)}
                />
              )}
            </Field>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => edit((d) => ({ ...d, gold: d.gold.filter((_, k) => k !== i) }))}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--small"
        data-testid="ed-add-gold"
        disabled={doc.entities.length === 0}
        onClick={() =>
          edit((d) => ({
            ...d,
            gold: [...d.gold, { ...firstPair(), affordance: "", requiredAttributes: [], howTo: "" }],
          }))
        }
      >
        + Gold (the selected part)
      </button>

      <h3 className="ed-subtitle">Similar (affordance-similar, not gold)</h3>
      {similar.map((s, i) => (
        <div className="ed-card ed-row" key={i}>
          <PartPicker
            doc={doc}
            entity={s.entity}
            part={s.part}
            label={`Similar ${i + 1}`}
            onChange={(entity, part) =>
              edit((d) => ({ ...d, similar: (d.similar ?? []).map((x, k) => (k === i ? { ...x, entity, part } : x)) }))
            }
          />
          <select
            aria-label={`Similar ${i + 1} difficulty`}
            value={s.difficulty}
            onChange={(e) =>
              edit((d) => ({
                ...d,
                similar: (d.similar ?? []).map((x, k) => (k === i ? { ...x, difficulty: Number(e.target.value) } : x)),
              }))
            }
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                difficulty {n}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--icon"
            aria-label="Remove similar"
            onClick={() => edit((d) => ({ ...d, similar: (d.similar ?? []).filter((_, k) => k !== i) }))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        disabled={doc.entities.length === 0}
        onClick={() => edit((d) => ({ ...d, similar: [...(d.similar ?? []), { ...firstPair(), difficulty: 2 }] }))}
      >
        + Similar (the selected part)
      </button>
    </div>
  );
}

/** Selecting the entity/part a validation message is about (from its JSON path). */
export function selectionOfPath(path: string): Selection | null {
  const m = /^entities\[(\d+)\](?:\.parts\[(\d+)\])?/.exec(path);
  if (!m) return null;
  return { entity: Number(m[1]), part: m[2] === undefined ? null : Number(m[2]) };
}

/** Uploads a separate view photo for an entity (its parts are then drawn on that photo). */
function ViewUpload({ entityIndex, hasView }: { entityIndex: number; hasView: boolean }) {
  const images = useEditorImages();
  const edit = useEdit();
  const api = useEditorApi();
  const inputId = useId();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  async function send(file: File | undefined) {
    if (!file) return;
    setState({ busy: true, error: null });
    try {
      const photo = await uploadPhoto(file);
      images.add(photo.file, photo.url, { width: photo.width, height: photo.height });
      edit((d) => updateEntity(d, entityIndex, (e) => ({ ...e, view: photo.file })));
      api.getState().setSpace({ kind: "view", entity: entityIndex });
      setState({ busy: false, error: null });
    } catch (e) {
      setState({ busy: false, error: e instanceof ApiError ? e.message : "The photo could not be uploaded." });
    }
  }
  return (
    <div className="ed-field">
      <label htmlFor={inputId} className="button button--small">
        {hasView ? "Replace the view photo…" : "Add a separate view photo…"}
      </label>
      <input
        id={inputId}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        className="visually-hidden"
        disabled={state.busy}
        onChange={(e) => void send(e.target.files?.[0])}
        data-testid="ed-view-upload"
      />
      {hasView && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            edit((d) =>
              updateEntity(d, entityIndex, (e) => {
                const { view: _view, ...rest } = e;
                return rest;
              }),
            );
            api.getState().setSpace({ kind: "scene" });
          }}
        >
          Remove the view photo
        </button>
      )}
      {state.busy && <p className="ed-hint">Uploading…</p>}
      {state.error && (
        <p className="ed-error" role="alert">
          {state.error}
        </p>
      )}
      <p className="ed-hint">
        Optional: an object-centric photo of this entity. Its parts are then drawn on that photo (their regions are in
        its pixels).
      </p>
    </div>
  );
}
