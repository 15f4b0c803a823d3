import type { Metadata } from "next";
import Link from "next/link";
import { getScenarioStore } from "@/lib/scenarios/store";
import { scenarioSummary } from "@/lib/scenarios/summary";
import { formatIssue } from "@/core/errors";
import { GalleryFilters } from "@/components/gallery/gallery-filters";
import { InvalidNotice } from "@/components/gallery/invalid-notice";
import { ScenarioCard, type ScenarioCardData } from "@/components/gallery/scenario-card";
import { plural } from "@/components/ui/format";
import { countBy, filterSummaries, galleryHref, parseGalleryQuery, SCENARIO_STATUSES } from "@/app/_lib/gallery-query";
import { NEW_RUN_URL, scenarioFileUrl } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Scenarios" };

export default async function ScenariosPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = parseGalleryQuery(await searchParams);
  const store = await getScenarioStore();
  const all = store.scenarios.map(scenarioSummary).sort((a, b) => a.title.localeCompare(b.title));
  const shown = filterSummaries(all, query);
  const cards: ScenarioCardData[] = shown.map((s) => ({
    id: s.id,
    title: s.title,
    task: s.task,
    setting: s.setting,
    tier: s.distractorSimilarity,
    entityCount: s.entityCount,
    partCount: s.partCount,
    width: s.width,
    height: s.height,
    thumbnailUrl: scenarioFileUrl(s.id, s.sceneImage, s.contentHash),
    draft: s.draft,
  }));
  // counts reflect the other active filters, so a chip never promises results that are not there
  const settings = countBy(filterSummaries(all, { ...query, setting: null }), (s) => s.setting).map((o) => ({
    ...o,
    href: galleryHref(query, { setting: o.value }),
  }));
  if (query.setting && !settings.some((o) => o.value === query.setting)) {
    settings.push({ value: query.setting, count: 0, href: galleryHref(query) });
  }
  const tiers = countBy(filterSummaries(all, { ...query, tier: null }), (s) => s.distractorSimilarity).map((o) => ({
    ...o,
    href: galleryHref(query, { tier: o.value as typeof query.tier }),
  }));

  // the Status chips appear once there is a draft (made or edited here, not yet published)
  const statusCounts = countBy(filterSummaries(all, { ...query, status: undefined }), (s) =>
    s.draft ? "draft" : "published",
  );
  const statuses = all.some((s) => s.draft)
    ? SCENARIO_STATUSES.map((value) => ({
        value,
        count: statusCounts.find((c) => c.value === value)?.count ?? 0,
        href: galleryHref(query, { status: value }),
      }))
    : undefined;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-title">Scenarios</h1>
          <p className="page-lede">
            Physical scenes with a first-person task. Open one to explore its candidate entities, their parts and the
            annotated attributes.
          </p>
        </div>
        <div className="page-head__side">
          <p className="page-count" data-testid="gallery-count">
            {shown.length === all.length
              ? plural(all.length, "scenario")
              : `${shown.length} of ${plural(all.length, "scenario")}`}
          </p>
          <Link href="/scenarios/new" className="button" data-testid="gallery-new-scenario">
            New scenario
          </Link>
          <Link href={NEW_RUN_URL} className="button" data-testid="gallery-new-run">
            Evaluate a solver
          </Link>
        </div>
      </div>

      <InvalidNotice skipped={store.checked - store.scenarios.length} issues={store.issues.map(formatIssue)} />

      <GalleryFilters
        q={query.q}
        setting={query.setting}
        tier={query.tier}
        settings={settings}
        tiers={tiers}
        allSettingsHref={galleryHref(query, { setting: null })}
        allTiersHref={galleryHref(query, { tier: null })}
        clearHref={galleryHref({ q: "", setting: null, tier: null })}
        {...(statuses
          ? { statuses, status: query.status, allStatusesHref: galleryHref(query, { status: undefined }) }
          : {})}
      />

      {cards.length > 0 ? (
        <ul className="scenario-grid" data-testid="scenario-grid">
          {cards.map((card) => (
            <ScenarioCard key={card.id} card={card} />
          ))}
        </ul>
      ) : (
        <div className="empty-state empty-state--inline" data-testid="gallery-empty">
          <h2>No scenarios match</h2>
          <p>
            {all.length === 0
              ? "The scenario folder holds no valid scenario yet."
              : "Try another setting, tier or search."}
          </p>
        </div>
      )}
    </div>
  );
}
