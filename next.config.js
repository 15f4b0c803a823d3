/** @type {import('next').NextConfig} */
module.exports = {
  // Tests build into their own folder (with test hooks on) so they never replace the app's build.
  distDir: process.env.MMCB_NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "sharp"],
  poweredByHeader: false,
  // proxy.ts handles trailing slashes (an empty 308 under /api would not be JSON)
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
};
