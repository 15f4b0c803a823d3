import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { IdentityBadge } from "@/components/annotator/identity-badge";
import { NavLink } from "@/components/ui/nav-link";
import "./globals.css";
import "./runs.css";
import "./annotator.css";
import "./review.css";
import "./editor.css";
import "./play.css";

export const metadata: Metadata = {
  title: { default: "mmcb", template: "%s · mmcb" },
  description: "MM-CreativityBench: image-grounded creative tool use — scenarios, runs and training data.",
};

export const viewport: Viewport = { themeColor: "#ffffff" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/scenarios" className="brand" aria-label="mmcb home">
              <span className="brand__mark" aria-hidden="true" />
              <span className="brand__name">mmcb</span>
              <span className="brand__tag">MM-CreativityBench</span>
            </Link>
            <nav className="site-nav" aria-label="Main">
              <NavLink href="/scenarios">Scenarios</NavLink>
              <NavLink href="/runs">Runs</NavLink>
              <NavLink href="/leaderboard">Leaderboard</NavLink>
              <NavLink href="/compare">Compare</NavLink>
              <NavLink href="/review">Review</NavLink>
              <NavLink href="/exports">Export</NavLink>
            </nav>
            <IdentityBadge />
          </div>
        </header>
        <main className="site-main">{children}</main>
      </body>
    </html>
  );
}
