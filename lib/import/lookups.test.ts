import { describe, expect, test } from 'vitest';
import { defaultStage, ownerLookup, stageLookup } from './lookups';

describe('owners', () => {
  const owner = ownerLookup([
    { id: 1, name: 'Olivia Owner', email: 'owner@example.test', active: true },
    { id: 2, name: 'Sam Lee', email: 'sam1@example.test', active: true },
    { id: 3, name: 'Sam Lee', email: 'sam2@example.test', active: true },
    { id: 4, name: 'Gone Person', email: 'gone@example.test', active: false },
  ]);

  test.each([
    ['Olivia Owner', { id: 1 }],
    ['  olivia   OWNER ', { id: 1 }],
    ['OWNER@example.test', { id: 1 }],
    ['sam2@example.test', { id: 3 }],
    ['Sam Lee', { problem: 'Two users are called “Sam Lee”: use their email to say which' }],
    ['Bethany Dixon', { problem: 'Unknown owner “Bethany Dixon”: no user has this name or email' }],
    ['Gone Person', { problem: 'Owner “Gone Person” is deactivated' }],
  ])('%s → %o', (text, match) => {
    expect(owner(text)).toEqual(match);
  });
});

describe('stages', () => {
  const pipelines = [
    { id: 2, name: 'Partners', position: 1 },
    { id: 1, name: 'Sales', position: 0 },
  ];
  const stages = [
    { id: 10, pipelineId: 1, name: 'Lead', position: 0 },
    { id: 11, pipelineId: 1, name: 'Proposal', position: 1 },
    { id: 20, pipelineId: 2, name: 'Intro', position: 0 },
    { id: 21, pipelineId: 2, name: 'Proposal', position: 1 },
  ];
  const stage = stageLookup(pipelines, stages);

  test.each([
    [null, null, { pipelineId: null, stageId: null }],
    [null, 'proposal', { pipelineId: 1, stageId: 11 }],
    ['partners', 'Proposal', { pipelineId: 2, stageId: 21 }],
    [null, 'Intro', { pipelineId: 2, stageId: 20 }],
    ['Partners', null, { pipelineId: 2, stageId: 20 }],
    [null, 'Won', { problem: 'Unknown stage “Won”' }],
    ['Sales', 'Intro', { problem: 'Unknown stage “Intro” in the pipeline “Sales”' }],
    ['Renewals', 'Lead', { problem: 'Unknown pipeline “Renewals”' }],
  ])('pipeline %s, stage %s → %o', (pipeline, name, match) => {
    expect(stage(pipeline, name)).toEqual(match);
  });

  test('a new deal with no stage goes to the first stage of the first pipeline', () => {
    expect(defaultStage(pipelines, stages)).toEqual({ pipelineId: 1, stageId: 10 });
    expect(defaultStage([], [])).toBeNull();
  });
});
