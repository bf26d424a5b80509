import { CRITERION_LABEL, meanLevelLabel } from '../feedback-format.js';
import { formatDateTime, SESSION_STATUS_LABEL } from '../format.js';
import type { CriterionKey, PostingProgress } from '../types.js';
import { LineChart } from './line-chart.js';

const NOT_SCORED = 'not scored yet';

/** A mean level as a bare number (the caption says "of 3"), or that nothing was judged. */
const meanText = (mean: number | null) =>
  mean === null ? 'not judged' : `${Number(mean.toFixed(1))}`;
const criterionLabel = (key: string) => CRITERION_LABEL[key as CriterionKey] ?? key;
const scoreText = (score: number | null) => (score === null ? NOT_SCORED : `${score}`);

/** Interview numbers, oldest first, by session id: the x axis both charts share. */
export function interviewNumbers(progress: PostingProgress): Map<string, number> {
  return new Map(progress.sessions.map((s, i) => [s.session_id, i + 1]));
}

/** The overall score of each interview, as a line and as a table. */
export function ScoreChart({ progress }: { progress: PostingProgress }) {
  const sessions = progress.sessions;
  if (sessions.length === 0) return null;
  const scores = sessions.map((s) => s.overall_score);
  const scored = scores.filter((s): s is number => s !== null);
  const description =
    `Overall score out of 100 over ${sessions.length} interviews, oldest first: ` +
    `${scores.map(scoreText).join(', ')}.` +
    (scored.length ? ` Best ${Math.max(...scored)}.` : '');
  return (
    <figure class="chart-figure" aria-labelledby="score-chart-heading">
      <h3 id="score-chart-heading">Overall score</h3>
      <LineChart
        title="Overall score by interview"
        description={description}
        xLabels={sessions.map((_, i) => `#${i + 1}`)}
        series={[{ label: 'Overall score', values: scores }]}
        yMax={100}
        yTicks={[0, 25, 50, 75, 100]}
      />
      <div class="table-wrap">
        <table class="data-table">
          <caption>Overall score by interview</caption>
          <thead>
            <tr>
              <th scope="col">Interview</th>
              <th scope="col">Answered</th>
              <th scope="col">Overall score</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s, i) => (
              <tr key={s.session_id}>
                <th scope="row">
                  #{i + 1}{' '}
                  <span class="muted">
                    {SESSION_STATUS_LABEL[s.status]}, {formatDateTime(s.created_at)}
                  </span>
                </th>
                <td>{s.answered}</td>
                <td class={s.overall_score === null ? 'missing' : undefined}>
                  {scoreText(s.overall_score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Each criterion's mean level (0..3) per reported interview, as lines and as a table. */
export function CriteriaChart({ progress }: { progress: PostingProgress }) {
  const numbers = interviewNumbers(progress);
  const reported = progress.criteria[0]?.points.map((p) => p.session_id) ?? [];
  if (reported.length === 0) {
    return (
      <p class="empty">
        The criteria are charted once an interview has a report. Complete an interview to get one.
      </p>
    );
  }
  const label = (id: string) => `#${numbers.get(id) ?? '?'}`;
  const description =
    `Mean level of 3 per criterion over ${reported.length} reported interviews, oldest first. ` +
    progress.criteria
      .map(
        (c) =>
          `${criterionLabel(c.key)}: ${c.points.map((p) => meanLevelLabel(p.mean_level)).join(', ')}`,
      )
      .join('; ') +
    '.';
  return (
    <figure class="chart-figure" aria-labelledby="criteria-chart-heading">
      <h3 id="criteria-chart-heading">Criteria</h3>
      <LineChart
        title="Criteria by interview"
        description={description}
        xLabels={reported.map(label)}
        series={progress.criteria.map((c) => ({
          label: criterionLabel(c.key),
          values: c.points.map((p) => p.mean_level),
        }))}
        yMax={3}
        yTicks={[0, 1, 2, 3]}
      />
      <div class="table-wrap">
        <table class="data-table">
          <caption>Criteria by interview (mean level, 0 to 3)</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {reported.map((id) => (
                <th scope="col" key={id}>
                  {label(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {progress.criteria.map((c) => (
              <tr key={c.key}>
                <th scope="row">{criterionLabel(c.key)}</th>
                {c.points.map((p) => (
                  <td key={p.session_id} class={p.mean_level === null ? 'missing' : undefined}>
                    {meanText(p.mean_level)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
