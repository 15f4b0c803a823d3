import Form from "next/form";
import Link from "next/link";
import { DISTRACTOR_TIERS, type DistractorTier } from "@/core/scenario";
import { humanize } from "@/components/ui/format";

export interface FilterOption {
  readonly value: string;
  readonly count: number;
  readonly href: string;
}

export interface GalleryFiltersProps {
  readonly q: string;
  readonly setting: string | null;
  readonly tier: DistractorTier | null;
  readonly settings: readonly FilterOption[];
  readonly tiers: readonly FilterOption[];
  readonly allSettingsHref: string;
  readonly allTiersHref: string;
  readonly clearHref: string;
  /** Published / draft chips; absent when there is no draft. */
  readonly statuses?: readonly FilterOption[];
  readonly status?: string | undefined;
  readonly allStatusesHref?: string;
}

/** Filters as links and a GET form, so every filtered view is a shareable URL and works without JS. */
export function GalleryFilters(props: GalleryFiltersProps) {
  const tierOrder = (v: string) => DISTRACTOR_TIERS.indexOf(v as DistractorTier);
  const tiers = [...props.tiers].sort((a, b) => tierOrder(a.value) - tierOrder(b.value));
  const active = Boolean(props.q || props.setting || props.tier || props.status);
  return (
    <section className="filters" aria-label="Filters">
      <Form action="/scenarios" className="search" role="search">
        <input
          type="search"
          name="q"
          defaultValue={props.q}
          placeholder="Search titles and tasks…"
          aria-label="Search titles and tasks"
          className="search__input"
          data-testid="gallery-search"
        />
        {props.setting && <input type="hidden" name="setting" value={props.setting} />}
        {props.tier && <input type="hidden" name="tier" value={props.tier} />}
        {props.status && <input type="hidden" name="status" value={props.status} />}
        <button type="submit" className="button">
          Search
        </button>
      </Form>
      <div className="filters__row">
        <span className="filters__label">Setting</span>
        <nav className="chips" aria-label="Filter by setting">
          <Chip href={props.allSettingsHref} current={!props.setting} testId="filter-setting-all">
            All
          </Chip>
          {props.settings.map((o) => (
            <Chip key={o.value} href={o.href} current={props.setting === o.value} testId={`filter-setting-${o.value}`}>
              {humanize(o.value)} <span className="chip__count">{o.count}</span>
            </Chip>
          ))}
        </nav>
      </div>
      <div className="filters__row">
        <span className="filters__label">Tier</span>
        <nav className="chips" aria-label="Filter by distractor tier">
          <Chip href={props.allTiersHref} current={!props.tier} testId="filter-tier-all">
            All
          </Chip>
          {tiers.map((o) => (
            <Chip
              key={o.value}
              href={o.href}
              current={props.tier === o.value}
              testId={`filter-tier-${o.value}`}
              tier={o.value}
            >
              {o.value} <span className="chip__count">{o.count}</span>
            </Chip>
          ))}
        </nav>
        {active && !props.statuses && (
          <Link href={props.clearHref} className="filters__clear">
            Clear filters
          </Link>
        )}
      </div>
      {props.statuses && (
        <div className="filters__row">
          <span className="filters__label">Status</span>
          <nav className="chips" aria-label="Filter by status">
            <Chip href={props.allStatusesHref ?? props.clearHref} current={!props.status} testId="filter-status-all">
              All
            </Chip>
            {props.statuses.map((o) => (
              <Chip key={o.value} href={o.href} current={props.status === o.value} testId={`filter-status-${o.value}`}>
                {o.value} <span className="chip__count">{o.count}</span>
              </Chip>
            ))}
          </nav>
          {active && (
            <Link href={props.clearHref} className="filters__clear">
              Clear filters
            </Link>
          )}
        </div>
      )}
    </section>
  );
}

function Chip(props: { href: string; current: boolean; testId: string; tier?: string; children: React.ReactNode }) {
  return (
    <Link
      href={props.href}
      className={`chip chip--link${props.tier ? ` chip--tier-${props.tier}` : ""}`}
      aria-current={props.current ? "true" : undefined}
      data-testid={props.testId}
      scroll={false}
    >
      {props.children}
    </Link>
  );
}
