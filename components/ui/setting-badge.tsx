import { humanize } from "./format";

export function SettingBadge({ setting }: { setting: string }) {
  return <span className="badge badge--setting">{humanize(setting)}</span>;
}
