import { describe, expect, it } from 'vitest';
import { joinCommandLines } from './one-line.ts';

const join = (...lines: string[]) => joinCommandLines(lines.join('\n'))?.text;

describe('joinCommandLines', () => {
  it('counts the commands the shell reads: continued lines are one', () => {
    expect(joinCommandLines('a \\\n  --b \\\n  | c')).toEqual({ text: 'a --b | c', commands: 1 });
    // A line that starts with a pipe continues nothing in the shell: left as written.
    expect(joinCommandLines('a\n  | c')).toBeUndefined();
    expect(joinCommandLines('a\n# note\nb')).toEqual({ text: 'a && b', commands: 2 });
  });

  it('offers nothing for a command that is one line already', () => {
    expect(joinCommandLines('kubectl get pods')).toBeUndefined();
    expect(joinCommandLines('')).toBeUndefined();
  });

  it('joins independent commands with &&, so the shell stops at the first failure', () => {
    expect(join('mkdir -p /root/stopped', 'mv /etc/kubernetes/manifests/*.yaml /root/stopped/', 'sleep 20 && crictl ps -q | wc -l')).toBe(
      'mkdir -p /root/stopped && mv /etc/kubernetes/manifests/*.yaml /root/stopped/ && sleep 20 && crictl ps -q | wc -l',
    );
    // An assignment is a command of its own: the variable is still set for the next one.
    expect(join('BACKUP=payments-hourly-20261120060012', 'velero backup describe "$BACKUP" --details')).toBe(
      'BACKUP=payments-hourly-20261120060012 && velero backup describe "$BACKUP" --details',
    );
  });

  it('joins `\\` continuation lines with a space, without the backslash', () => {
    expect(join('velero backup get \\', '  --selector velero.io/schedule-name=payments-hourly \\', '  | sort -k5 -r | head -n 6')).toBe(
      'velero backup get --selector velero.io/schedule-name=payments-hourly | sort -k5 -r | head -n 6',
    );
    expect(join('etcdutl snapshot restore a.db \\', '  --name cp-1', 'kubectl get nodes')).toBe('etcdutl snapshot restore a.db --name cp-1 && kubectl get nodes');
    // An escaped backslash at the end is not a continuation.
    expect(join('printf "%s" a\\\\', 'true')).toBe('printf "%s" a\\\\ && true');
  });

  it('continues a command after a trailing pipe or && or ||, with a space', () => {
    expect(join('kubectl get pods |', '  grep Running')).toBe('kubectl get pods | grep Running');
    expect(join('test -f a ||', '  touch a', 'ls')).toBe('test -f a || touch a && ls');
    // A pipe with nothing after it is an incomplete command.
    expect(join('kubectl get pods |', '# nothing')).toBeUndefined();
  });

  it('keeps a command that already ends with ; or & valid', () => {
    expect(join('cd /tmp;', 'ls')).toBe('cd /tmp && ls');
    expect(join('sleep 100 &', 'wait')).toBe('sleep 100 & wait');
  });

  it('never joins a heredoc', () => {
    expect(join('cat <<EOF > /tmp/a', 'hello', 'EOF')).toBeUndefined();
    expect(join("kubectl apply -f - <<'YAML'", 'kind: Namespace', 'YAML')).toBeUndefined();
    expect(join('cat <<-EOF', '\tx', '\tEOF')).toBeUndefined();
    // A here-string is one line.
    expect(join('base64 -d <<< "$X"', 'ls')).toBe('base64 -d <<< "$X" && ls');
  });

  it('never joins a block opened on one line and closed on another', () => {
    expect(join('if kubectl get ns payments; then', '  echo exists', 'fi')).toBeUndefined();
    expect(join('for host in cp-2 cp-3; do', '  scp a "$host":a', 'done')).toBeUndefined();
    expect(join('for host in cp-2 cp-3', 'do', '  scp a "$host":a', 'done')).toBeUndefined();
    expect(join('while true; do', '  sleep 1', 'done')).toBeUndefined();
    expect(join('case "$1" in', '  a) echo a ;;', 'esac')).toBeUndefined();
    expect(join('restore() {', '  velero restore create', '}')).toBeUndefined();
    expect(join('function restore {', '  velero restore create', '}')).toBeUndefined();
    expect(join('{', '  echo a', '} > /tmp/out')).toBeUndefined();
    expect(join('(', '  cd /tmp && ls', ')')).toBeUndefined();
  });

  it('joins a block that opens and closes on the same line like any other command', () => {
    expect(join('etcdutl snapshot status a.db -w table', 'for host in cp-2 cp-3; do scp a.db "$host":a.db; done')).toBe(
      'etcdutl snapshot status a.db -w table && for host in cp-2 cp-3; do scp a.db "$host":a.db; done',
    );
    expect(join('(cd /tmp && ls)', 'pwd')).toBe('(cd /tmp && ls) && pwd');
  });

  it('never joins where a quote or $( … ) spans lines', () => {
    expect(join("kubectl patch bsl default --patch '{", '  "spec": {"accessMode": "ReadOnly"}', "}'")).toBeUndefined();
    expect(join('echo "first', 'second"')).toBeUndefined();
    expect(join('X=$(kubectl get pods \\', '  -o name)')).toBeUndefined();
    expect(join('echo `date', '`')).toBeUndefined();
  });

  it('keeps quotes, $( … ) and # inside them intact on one line', () => {
    expect(join(`kubectl patch bsl default --patch '{"spec":{"accessMode":"ReadOnly"}}'`, 'echo "# not a comment $(date +%s)"')).toBe(
      `kubectl patch bsl default --patch '{"spec":{"accessMode":"ReadOnly"}}' && echo "# not a comment $(date +%s)"`,
    );
    expect(join("grep -A3 -E 'Phase|Namespaces:' a", 'echo ${#X}')).toBe("grep -A3 -E 'Phase|Namespaces:' a && echo ${#X}");
  });

  it('leaves out comments and blank lines, which would otherwise swallow the rest of the line', () => {
    expect(join('# stop the control plane first', 'mv a b', '', 'ls   # check', '  # done')).toBe('mv a b && ls');
    // A comment after a continuation ends the command, as it does in the shell.
    expect(join('kubectl get pods \\', '# a comment', 'ls')).toBe('kubectl get pods && ls');
  });
});
