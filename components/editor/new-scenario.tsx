"use client";
/**
 * Creating a scenario: choose (or drop) a photo, which is uploaded and checked by the server, then the
 * editor opens on it with an empty draft. The draft becomes version 1 on "Create scenario".
 */
import { useId, useState, type DragEvent } from "react";
import { ApiError } from "@/lib/client/identity";
import type { Draft } from "@/lib/store/editor-store";
import { uploadPhoto, type UploadedPhoto } from "@/lib/uploads/editor-client";
import { useIdentity } from "@/components/annotator/use-identity";
import { ScenarioEditor } from "./scenario-editor";

function emptyDraft(photo: UploadedPhoto, author: string): Draft {
  return {
    schemaVersion: 2,
    id: "",
    version: 1,
    title: "",
    setting: "kitchen",
    task: "",
    constraints: [],
    distractorSimilarity: "mixed",
    scene: { image: photo.file, width: photo.width, height: photo.height },
    entities: [],
    gold: [],
    similar: [],
    source: { kind: "authored", license: "CC-BY-4.0", attribution: author },
  } as unknown as Draft;
}

export function NewScenario() {
  const identity = useIdentity();
  const inputId = useId();
  const [photo, setPhoto] = useState<UploadedPhoto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  async function send(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setPhoto(await uploadPhoto(file));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The photo could not be uploaded.");
    } finally {
      setBusy(false);
    }
  }

  if (photo) {
    return (
      <ScenarioEditor
        initial={emptyDraft(photo, identity.name ?? "")}
        baseVersion={null}
        imageUrls={{ [photo.file]: photo.url }}
      />
    );
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void send(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={`ed-upload${over ? " is-over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="editor-upload"
    >
      <p className="ed-upload__lead">Start from a photo of the scene.</p>
      <label htmlFor={inputId} className="button button--primary">
        Choose a photo…
      </label>
      <input
        id={inputId}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        className="visually-hidden"
        onChange={(e) => void send(e.target.files?.[0])}
        disabled={busy}
        data-testid="editor-upload-input"
      />
      <p className="muted">
        or drop it here · PNG, JPEG or WebP, up to 20 MB · the image is re-encoded without its metadata
      </p>
      {busy && <p role="status">Uploading and checking…</p>}
      {error && (
        <p className="ed-error" role="alert" data-testid="editor-upload-error">
          {error}
        </p>
      )}
    </div>
  );
}
