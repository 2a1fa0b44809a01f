// A typed call to each service with openapi-fetch: paths, parameters and bodies are checked by tsc.
import createClient from "openapi-fetch";
import type { paths as RequirementsPaths } from "./requirements";
import type { paths as RiskPaths } from "./risk";
import type { paths as ReleasePaths } from "./release";

const headers = { Authorization: `Bearer ${process.env.TPM_TOKEN ?? ""}` };
const requirements = createClient<RequirementsPaths>({ baseUrl: "http://127.0.0.1:8001", headers });
const risk = createClient<RiskPaths>({ baseUrl: "http://127.0.0.1:8002", headers });
const release = createClient<ReleasePaths>({ baseUrl: "http://127.0.0.1:8003", headers });

export async function overview(projectKey: string): Promise<string> {
  const project = await requirements.GET("/v1/projects/{key}", { params: { path: { key: projectKey } } });
  if (project.error) return `error: ${project.error.title}`;
  const matrix = await risk.GET("/v1/projects/{key}/risk-matrix", { params: { path: { key: projectKey } } });
  const releases = await release.GET("/v1/projects/{key}/releases", {
    params: { path: { key: projectKey }, query: { limit: 10 } },
  });
  const versions = releases.data?.items.map((r) => r.version).join(", ") ?? "";
  return `${project.data.name}: gate level ${matrix.data?.gate_level ?? "?"}; releases ${versions}`;
}

declare const process: { env: Record<string, string | undefined> };
