/**
 * One animation-frame loop for all rendering work: streams mark themselves dirty many times per
 * frame (one host message per delta) and render once when the frame comes; listeners that
 * follow the rendering (auto-scroll) run after every task of that frame.
 */
type Task = () => void;

const tasks = new Set<Task>();
const afterTasks = new Set<Task>();
let requested = 0;

function runFrame(): void {
  requested = 0;
  const batch = [...tasks];
  tasks.clear();
  for (const task of batch) task();
  for (const after of afterTasks) after();
}

/** Runs `task` once in the next animation frame, however often it is scheduled before then. */
export function scheduleFrame(task: Task): void {
  tasks.add(task);
  requested ||= requestAnimationFrame(runFrame);
}

/** Drops a scheduled task (its owner was disposed or rendered synchronously). */
export function cancelFrame(task: Task): void {
  tasks.delete(task);
}

/** Runs `listener` after the tasks of every frame that had any; returns an unsubscribe. */
export function afterFrame(listener: Task): () => void {
  afterTasks.add(listener);
  return () => afterTasks.delete(listener);
}
