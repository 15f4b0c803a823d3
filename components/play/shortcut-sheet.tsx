"use client";
import { PLAY_SHORTCUTS } from "./shortcuts";
import { usePlayStoreApi } from "./play-context";

/** The keyboard shortcut sheet (`?`). */
export function ShortcutSheet() {
  const play = usePlayStoreApi();
  return (
    <div
      className="play-sheet"
      role="dialog"
      aria-modal="false"
      aria-labelledby="play-sheet-title"
      data-testid="shortcut-sheet"
    >
      <div className="play-sheet__head">
        <h2 className="card-title" id="play-sheet-title">
          Keyboard shortcuts
        </h2>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => play.getState().toggleSheet(false)}
          aria-label="Close shortcuts (? or Escape)"
        >
          ✕
        </button>
      </div>
      <p className="muted play-sheet__note">Shortcuts never fire while you type in a field.</p>
      <div className="play-sheet__groups">
        {PLAY_SHORTCUTS.map((g) => (
          <section key={g.group}>
            <h3 className="section-label">{g.group}</h3>
            <dl className="play-sheet__list">
              {g.items.map((s) => (
                <div key={s.action} className="play-sheet__item">
                  <dt>
                    {s.keys.map((k, i) => (
                      <kbd key={i}>{k}</kbd>
                    ))}
                  </dt>
                  <dd>
                    {s.action}
                    {s.turn && <span className="play-tag">turn</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}
