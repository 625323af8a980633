// Names in a file turned into Keel's ids: owners by user name or email, deals' pipelines and stages
// by name. Built once per import from the lists the database side reads, then asked once per row.
// Nothing is invented: a name that matches nobody is reported, never created.

const fold = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

export type OwnerUser = { id: number; name: string; email: string; active: boolean };
export type OwnerMatch = { id: number } | { problem: string };

/**
 * Finds a user by email, else by name (case and spacing ignored). A deactivated user or a name two
 * users share is a problem, said as such, like a name that matches nobody.
 */
export function ownerLookup(users: OwnerUser[]): (text: string) => OwnerMatch {
  const byEmail = new Map<string, OwnerUser>();
  const byName = new Map<string, OwnerUser[]>();
  for (const u of users) {
    byEmail.set(fold(u.email), u);
    const key = fold(u.name);
    byName.set(key, [...(byName.get(key) ?? []), u]);
  }
  const cache = new Map<string, OwnerMatch>();
  return (text) => {
    const key = fold(text);
    let match = cache.get(key);
    if (match) return match;
    const named = byName.get(key) ?? [];
    const user = byEmail.get(key) ?? (named.length === 1 ? named[0] : undefined);
    if (named.length > 1 && !byEmail.has(key)) match = { problem: `Two users are called “${text}”: use their email to say which` };
    else if (!user) match = { problem: `Unknown owner “${text}”: no user has this name or email` };
    else if (!user.active) match = { problem: `Owner “${text}” is deactivated` };
    else match = { id: user.id };
    cache.set(key, match);
    return match;
  };
}

export type PipelineRow = { id: number; name: string; position: number };
export type StageRow = { id: number; pipelineId: number; name: string; position: number };
export type StageMatch = { pipelineId: number | null; stageId: number | null } | { problem: string };

/**
 * The pipeline and stage a deal row names. A stage is looked for in the named pipeline, else in
 * the first pipeline that has a stage of that name (the first pipeline first). A pipeline without a
 * stage means its first stage. Neither: both null (a new deal then goes to the first stage of the
 * first pipeline; an updated one stays where it is).
 */
export function stageLookup(pipelines: PipelineRow[], stages: StageRow[]): (pipeline: string | null, stage: string | null) => StageMatch {
  const ordered = [...pipelines].sort((a, b) => a.position - b.position || a.id - b.id);
  const stagesOf = new Map<number, StageRow[]>(ordered.map((p) => [p.id, stages.filter((s) => s.pipelineId === p.id).sort((a, b) => a.position - b.position || a.id - b.id)]));
  const pipelineByName = new Map<string, PipelineRow>();
  for (const p of ordered) if (!pipelineByName.has(fold(p.name))) pipelineByName.set(fold(p.name), p);
  return (pipelineName, stageName) => {
    const pipeline = pipelineName ? pipelineByName.get(fold(pipelineName)) : undefined;
    if (pipelineName && !pipeline) return { problem: `Unknown pipeline “${pipelineName}”` };
    if (!stageName) {
      if (!pipeline) return { pipelineId: null, stageId: null };
      const first = stagesOf.get(pipeline.id)?.[0];
      return first ? { pipelineId: pipeline.id, stageId: first.id } : { problem: `The pipeline “${pipeline.name}” has no stages` };
    }
    for (const p of pipeline ? [pipeline] : ordered) {
      const stage = stagesOf.get(p.id)?.find((s) => fold(s.name) === fold(stageName));
      if (stage) return { pipelineId: p.id, stageId: stage.id };
    }
    return { problem: pipeline ? `Unknown stage “${stageName}” in the pipeline “${pipeline.name}”` : `Unknown stage “${stageName}”` };
  };
}

/** The first stage of the first pipeline: where a new deal goes when its row names no stage. */
export function defaultStage(pipelines: PipelineRow[], stages: StageRow[]): { pipelineId: number; stageId: number } | null {
  const first = [...pipelines].sort((a, b) => a.position - b.position || a.id - b.id)[0];
  if (!first) return null;
  const stage = stages.filter((s) => s.pipelineId === first.id).sort((a, b) => a.position - b.position || a.id - b.id)[0];
  return stage ? { pipelineId: first.id, stageId: stage.id } : null;
}
