import { describe, expect, it } from 'vitest';
import { parseShell, sourceOffset, type ShellWord } from './shell-syntax.ts';

/** The characters the word's runs point at, which spell its value when the mapping is right. */
const pointedAt = (text: string, word: ShellWord) => [...word.value].map((_, i) => text.charAt(sourceOffset(word, i))).join('');

/** The words of each simple command, as the programs would receive them. */
const words = (text: string) => parseShell(text).map((c) => c.words.map((w) => w.value));

describe('parseShell', () => {
  it('removes single quotes, double quotes and backslashes the way the shell does', () => {
    expect(words(`echo 'a b' "c \\"d\\" \\\\ \\$e \\x" f\\ g h\\'i`)).toEqual([['echo', 'a b', 'c "d" \\ $e \\x', 'f g', "h'i"]]);
  });

  it('maps every character of a word back to where it is written, inside quotes too', () => {
    const text = `kubectl -n "led"'ger' --namespace=pay\\ments`;
    const [ns, flag] = parseShell(text)[0]!.words.slice(2);
    expect(ns!.value).toBe('ledger');
    expect(pointedAt(text, ns!)).toBe('ledger');
    expect(pointedAt(text, flag!)).toBe('--namespace=payments');
    expect([ns!.start, ns!.end, ns!.raw]).toEqual([11, 21, `"led"'ger'`]);
  });

  it('joins lines ended by a backslash, also inside double quotes but not inside single quotes', () => {
    expect(words('kubectl get \\\n  pods -n\\\nledger "a\\\nb" \'c\\\nd\'')).toEqual([['kubectl', 'get', 'pods', '-nledger', 'ab', 'c\\\nd']]);
  });

  it('splits commands at pipes, lists, semicolons, background jobs and newlines', () => {
    expect(words('a 1 | b 2 || c && d; e & f\ng |& h')).toEqual([['a', '1'], ['b', '2'], ['c'], ['d'], ['e'], ['f'], ['g'], ['h']]);
  });

  it('links a command to the command piped into it, and only through a pipe', () => {
    const [cat, kubectl, after] = parseShell('cat <<EOF | kubectl apply -f -\nx\nEOF\nkubectl get ns');
    expect(kubectl!.pipedFrom).toBe(cat);
    expect(after!.pipedFrom).toBeUndefined();
  });

  it('drops comments that start a word, and keeps a # inside a word', () => {
    expect(words('kubectl get pods # -n hidden\necho a#b # c')).toEqual([['kubectl', 'get', 'pods'], ['echo', 'a#b']]);
  });

  it('reads the commands inside $(…), backticks and <(…) as commands of their own', () => {
    const commands = words('echo "x $(kubectl get ns -o name | wc -l)" `oc whoami` && diff <(kubectl get sc) >(cat)');
    expect(commands).toContainEqual(['kubectl', 'get', 'ns', '-o', 'name']);
    expect(commands).toContainEqual(['wc', '-l']);
    expect(commands).toContainEqual(['oc', 'whoami']);
    expect(commands).toContainEqual(['kubectl', 'get', 'sc']);
    expect(commands).toContainEqual(['echo', 'x $(kubectl get ns -o name | wc -l)', '`oc whoami`']);
  });

  it('keeps quotes and parentheses inside a substitution from ending the outer word', () => {
    expect(words(`a "$(b "c)" ')')" d`)[1]).toEqual(['a', `$(b "c)" ')')`, 'd']);
  });

  it('treats {{ placeholders }} and <placeholders> as one word, not as words and redirections', () => {
    expect(words('kubectl --context {{ cluster.dr }} -n <namespace> get pods')).toEqual([
      ['kubectl', '--context', '{{ cluster.dr }}', '-n', '<namespace>', 'get', 'pods'],
    ]);
  });

  it('leaves redirections and their targets out of the words, file descriptors included', () => {
    expect(words('kubectl get pods 2>/dev/null -n a > out.txt 2>&1 &>> log < in <<< "text" >| f')).toEqual([['kubectl', 'get', 'pods', '-n', 'a']]);
  });

  it('gives a heredoc body to the command with the <<, whatever the delimiter quoting', () => {
    for (const op of ["<<'EOF'", '<<"EOF"', '<<EOF', '<< \\EOF', '<<E"O"F']) {
      const [kubectl, after] = parseShell(`kubectl apply -f - ${op}\nkind: A\n$(not shell)\nEOF\necho done`);
      expect(kubectl!.heredocs[0]).toEqual({ delimiter: 'EOF', lines: [{ text: 'kind: A', start: 20 + op.length }, { text: '$(not shell)', start: 28 + op.length }], terminated: true });
      expect(after!.words.map((w) => w.value)).toEqual(['echo', 'done']);
    }
  });

  it('strips leading tabs from the body and the delimiter for <<-', () => {
    const [command] = parseShell('kubectl apply -f - <<-EOF\n\t\tkind: A\n\tEOF\n');
    expect(command!.heredocs[0]!.lines).toEqual([{ text: 'kind: A', start: 28 }]);
    expect(command!.heredocs[0]!.terminated).toBe(true);
  });

  it('reads two heredocs opened on one line one after the other', () => {
    const [a, b] = parseShell('a <<X; b <<Y\nx\nX\ny\nY\n');
    expect(a!.heredocs[0]!.lines.map((l) => l.text)).toEqual(['x']);
    expect(b!.heredocs[0]!.lines.map((l) => l.text)).toEqual(['y']);
  });

  it('does not throw on unbalanced quotes, substitutions or a heredoc without terminator', () => {
    expect(words(`kubectl -n 'ledger`)).toEqual([['kubectl', '-n', 'ledger']]);
    expect(words(`kubectl -n "ledger`)).toEqual([['kubectl', '-n', 'ledger']]);
    expect(words('echo $(kubectl get ns')).toContainEqual(['kubectl', 'get', 'ns']);
    expect(words('echo `kubectl get ns')).toContainEqual(['kubectl', 'get', 'ns']);
    expect(words('echo ${x')).toEqual([['echo', '${x']]);
    expect(words('a \\')).toEqual([['a', '']]);
    const [command] = parseShell('kubectl apply -f - <<EOF\nkind: A');
    expect(command!.heredocs[0]).toMatchObject({ lines: [{ text: 'kind: A' }], terminated: false });
  });

  it('survives substitutions nested far deeper than any runbook would', () => {
    const deep = '$('.repeat(5000) + 'kubectl get ns' + ')'.repeat(5000);
    expect(() => parseShell(`echo ${deep}`)).not.toThrow();
    const backticks = 'echo ' + '`'.repeat(5001);
    expect(() => parseShell(backticks)).not.toThrow();
  });
});
