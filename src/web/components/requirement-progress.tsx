import { REQUIREMENT_STATUS_LABEL } from '../feedback-format.js';
import type { RequirementProgress, RequirementStatus } from '../types.js';

const RANK: Record<RequirementStatus, number> = {
  untested: 0,
  absent: 1,
  mentioned: 2,
  demonstrated: 3,
};

/** Still worth practising: never shown in an answer as done. */
export const isWeak = (r: RequirementProgress): boolean => r.best_status !== 'demonstrated';

/** How the newest answers on a requirement compare with the first ones. */
function change(r: RequirementProgress): { text: string; tone: 'up' | 'down' | 'none' } {
  if (r.first_status === 'untested') return { text: 'Not asked yet', tone: 'none' };
  const d = RANK[r.latest_status] - RANK[r.first_status];
  if (d > 0) return { text: 'Improved', tone: 'up' };
  return d < 0 ? { text: 'Slipped back', tone: 'down' } : { text: 'No change', tone: 'none' };
}

function Status({ status }: { status: RequirementStatus }) {
  return <span class={`badge badge-req-${status}`}>{REQUIREMENT_STATUS_LABEL[status]}</span>;
}

/** Every requirement of the posting: where it started, where it is now, the best so far. */
export function RequirementProgressTable({
  requirements,
}: {
  requirements: RequirementProgress[];
}) {
  if (requirements.length === 0) {
    return <p class="empty">No requirements could be read from this job posting.</p>;
  }
  return (
    <div class="table-wrap">
      <table class="requirements requirement-progress">
        <caption>Requirements</caption>
        <thead>
          <tr>
            <th scope="col">Requirement</th>
            <th scope="col">First</th>
            <th scope="col">Latest</th>
            <th scope="col">Best</th>
            <th scope="col">Change</th>
            <th scope="col">Answers</th>
          </tr>
        </thead>
        <tbody>
          {requirements.map((r) => {
            const { text, tone } = change(r);
            return (
              <tr key={r.text}>
                <th scope="row">{r.text}</th>
                {/* data-label: a phone shows each row as a card, each value under its name. */}
                <td data-label="First">
                  <Status status={r.first_status} />
                </td>
                <td data-label="Latest">
                  <Status status={r.latest_status} />
                </td>
                <td data-label="Best">
                  <Status status={r.best_status} />
                </td>
                <td data-label="Change" class={`change change-${tone}`}>
                  {text}
                </td>
                <td data-label="Answers">{r.attempts}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
