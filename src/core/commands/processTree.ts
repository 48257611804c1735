/**
 * The processes a command started, from a process table (`ps -A -o pid=,ppid=`), so Stop and the
 * timeout can end all of them: a command run in a terminal is a child of the terminal's shell,
 * not of a process group we own.
 */

/** `pid ppid` pairs from `ps -A -o pid=,ppid=` output (other lines are ignored). */
export function parseProcessTable(text: string): { pid: number; ppid: number }[] {
  const rows: { pid: number; ppid: number }[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s*$/.exec(line);
    if (m) rows.push({ pid: Number(m[1]), ppid: Number(m[2]) });
  }
  return rows;
}

/** Every descendant of `root` (children first by depth, so the deepest come last), without `root`. */
export function descendantsOf(table: readonly { pid: number; ppid: number }[], root: number): number[] {
  const children = new Map<number, number[]>();
  for (const { pid, ppid } of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const seen = new Set<number>([root]);
  for (let queue = [root]; queue.length; ) {
    const next: number[] = [];
    for (const pid of queue) {
      for (const child of children.get(pid) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        out.push(child);
        next.push(child);
      }
    }
    queue = next;
  }
  return out;
}
