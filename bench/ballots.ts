import { parseArgs } from 'node:util';
import { seededRandom as seeded } from '../shared/model/seededRandom.ts';
import { startBallotServer, benchAdmin } from './ballots/ballotServer.ts';
import { measureRound, type RoundSamples } from './ballots/measureRound.ts';
import { buildBoard } from './ballots/people.ts';
import { ballotBenchMarkdown, writeBallotBenchReport, type Scenario } from './ballots/report.ts';

// Ballot fan-out: voters casting and changing ballots at once against a real server; how soon every projection
// client sees each accepted ballot. `npm run bench:ballots -- --voters 40 --changes 10 --think-ms 2000,200 --runs 3`.
// Each think time is a scenario: voters wait a random 0…think-ms between changes (2000: a busy meeting; 200: stress).
const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '40' },
    organisations: { type: 'string', default: '8' },
    changes: { type: 'string', default: '10' },
    'think-ms': { type: 'string', default: '2000,200' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '20261126' },
    // On a machine shared with other work, pinning can hurt more than it helps: both cores are contended anyway.
    unpinned: { type: 'boolean', default: false },
  },
});
const settings = {
  voters: Number(values.voters),
  organisations: Number(values.organisations),
  changesPerVoter: Number(values.changes),
  runs: Number(values.runs),
};
const thinkTimes = values['think-ms'].split(',').map(Number);
// Every y-websocket provider registers a process 'exit' handler; 41 of them are expected here.
process.setMaxListeners(100);

const server = await startBallotServer({ pin: !values.unpinned });
try {
  console.log(`server at ${server.url}${server.pinned ? ' (pinned)' : ''}; setting up ${settings.voters} voters…`);
  const board = await buildBoard(server.url, benchAdmin, settings.voters, settings.organisations);
  const scenarios: Scenario[] = [];
  for (const thinkMs of thinkTimes) {
    const runs: RoundSamples[] = [];
    for (let run = 1; run <= settings.runs; run++) {
      const samples = await measureRound(
        {
          wsUrl: server.wsUrl,
          ...board,
          changesPerVoter: settings.changesPerVoter,
          thinkMs,
          random: seeded(Number(values.seed) + run),
        },
        run,
      );
      runs.push(samples);
      console.log(
        `think ${thinkMs} ms, run ${run}: ${samples.accepted} ballots, load ${samples.loadAverage.toFixed(1)}`,
      );
    }
    scenarios.push({ thinkMs, runs });
  }
  const command =
    `npm run bench:ballots -- --voters ${settings.voters} --changes ${settings.changesPerVoter} ` +
    `--think-ms ${thinkTimes.join(',')} --runs ${settings.runs}${values.unpinned ? ' --unpinned' : ''}`;
  const markdown = ballotBenchMarkdown({ settings, pinned: server.pinned, scenarios }, command);
  console.log(markdown);
  console.log(`written to ${await writeBallotBenchReport(markdown)}`);
} finally {
  await server.stop();
}
