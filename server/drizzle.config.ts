// drizzle-kit configuration for the city server's PostgreSQL schema (PGlite and PostgreSQL share it).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/store/schema.ts',
  out: './server/store/migrations',
});
