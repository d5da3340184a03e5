/**
 * What the kubectl/oc argument reader must know: which flags take a value, and which commands
 * have subcommands. A flag missing here is read as a switch, so at worst its value is taken for a
 * positional word: harmless except after `get|describe|… crd|namespace`, hence the long list.
 */
import type { FlagSpec } from './cli-args.ts';

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Value flags of kubectl and oc, global and per command (from `kubectl options` and each command's help). */
const LONG_VALUE_FLAGS = words(`
  --as --as-group --as-uid --cache-dir --certificate-authority --client-certificate --client-key
  --cluster --context --kubeconfig --kuberc --log-file --log-file-max-size --log-dir --namespace
  --password --profile --profile-output --request-timeout --server --tls-server-name --token
  --user --username --v --vmodule --loglevel
  --output --selector --field-selector --filename --kustomize --template --sort-by --label-columns
  --chunk-size --container --since --since-time --tail --limit-bytes --max-log-requests
  --pod-running-timeout --patch --patch-file --type --for --timeout --replicas --current-replicas
  --resource-version --image --port --target-port --protocol --name --labels --overrides --env
  --restart --requests --limits --grace-period --cascade --field-manager --subresource --raw
  --to-revision --revision --min --max --cpu-percent --docker-server --docker-username
  --docker-password --docker-email --from-literal --from-file --from-env-file --cert --key
  --clusterrole --role --serviceaccount --group --verb --resource --resource-name --address
  --accept-hosts --accept-paths --api-prefix --reject-paths --reject-methods --www --www-prefix
  --unix-socket --prune-allowlist --skip-wait-for-delete-timeout --pod-selector --output-directory
  --api-group --verbs --target --copy-to --image-pull-policy --session-affinity --external-ip
  --load-balancer-ip --cluster-ip --schedule --from --containers --keys --hostport --tcp
  --clusterip --nodeport --class --rule --default-backend --annotation --description --value
  --preemption-policy --service-account --env-from --param --param-file --to --strategy
  --context-dir --image-stream --source-secret --build-arg --from-dir --from-repo --commit
  --env-file`);

/** Shorthands that take a value; everything else (`-A`, `-w`, `-i`, `-t`, `-R`, `-q`) is a switch. */
const SHORT_VALUE_FLAGS = new Set(['n', 's', 'v', 'o', 'l', 'f', 'c', 'k', 'L', 'p', 'e']);

/** `kubectl logs -f -p pod`: follow and previous, both switches there. */
const LOGS_SHORT_VALUE_FLAGS = new Set([...SHORT_VALUE_FLAGS].filter((letter) => letter !== 'f' && letter !== 'p'));

const SPEC: FlagSpec = { long: LONG_VALUE_FLAGS, short: SHORT_VALUE_FLAGS };
const LOGS_SPEC: FlagSpec = { long: LONG_VALUE_FLAGS, short: LOGS_SHORT_VALUE_FLAGS };

/** The flag table for a kubectl or oc invocation whose first positional is `command`. */
export function kubectlFlagSpec(command: string | undefined): FlagSpec {
  return command === 'logs' ? LOGS_SPEC : SPEC;
}

/** Built-in kubectl and oc commands; any other first word is a plugin (`kubectl cnpg status`). */
export const BUILT_IN_COMMANDS = words(`
  get describe create apply delete edit patch replace label annotate scale autoscale rollout logs
  exec port-forward proxy cp run expose set wait top cordon uncordon drain taint certificate
  cluster-info api-resources api-versions config explain diff kustomize attach auth debug events
  version plugin completion alpha options help
  project projects new-project new-app new-build login logout whoami adm start-build cancel-build
  rollback rsh rsync status process import-image tag policy extract image idle observe registry
  secrets serviceaccounts`);

/** Commands whose second word is part of the command (`rollout status`, `create namespace`). */
export const COMMAND_GROUPS = words(`
  rollout config create set auth certificate top cluster-info plugin alpha adm policy image
  registry secrets serviceaccounts`);

/** Commands that act on existing objects, so their TYPE NAME arguments are references. */
export const OBJECT_VERBS = words('get describe wait delete edit patch label annotate');
