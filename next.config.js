/** @type {import('next').NextConfig} */
module.exports = {
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "sharp"],
  poweredByHeader: false,
  reactStrictMode: true,
};
