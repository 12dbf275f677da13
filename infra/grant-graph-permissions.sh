#!/usr/bin/env bash
# Grants the bot's managed identity the Microsoft Graph application permissions listed in graph-permissions.json.
#
# An application permission is an app role of the Microsoft Graph service principal; assigning it to the identity's
# service principal (POST /servicePrincipals/{id}/appRoleAssignments) is the admin consent. Roles the identity
# already holds are skipped, so the script can be run again at any time.
#
# Needs: Azure CLI signed in (az login) as a Privileged Role Administrator or Global Administrator of the tenant
# (Cloud Application Administrator cannot grant Microsoft Graph app roles), and Node.js to read JSON.
set -euo pipefail

readonly GRAPH_APP_ID='00000003-0000-0000-c000-000000000000'
readonly GRAPH='https://graph.microsoft.com/v1.0'
readonly USAGE_LOCATION_FLAG='--with-usage-location'
readonly GUID_RE='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
permissions_file="$script_dir/graph-permissions.json"
principal_id="${MANAGED_IDENTITY_PRINCIPAL_ID:-}"
identity_name=''
resource_group=''
dry_run=false
with_usage_location=false

usage() {
  cat <<EOF
Usage: $(basename "$0") [--principal-id ID | --identity-name NAME --resource-group GROUP]
                        [--with-usage-location] [--dry-run] [--permissions-file FILE]

Grants the Microsoft Graph application permissions of graph-permissions.json to the bot's managed identity.

  --principal-id ID        object id of the identity's service principal (the MANAGED_IDENTITY_PRINCIPAL_ID output
                           of main.bicep; default: \$MANAGED_IDENTITY_PRINCIPAL_ID)
  --identity-name NAME     or look the identity up by name (with --resource-group)
  --resource-group GROUP   resource group of the identity
  $USAGE_LOCATION_FLAG    also grant User.ReadWrite.All, so the bot can set a missing usage location
  --dry-run                show what would be granted; change nothing
  --permissions-file FILE  another permissions list (default: graph-permissions.json beside this script)
EOF
}

fail() {
  echo "error: $*" >&2
  exit 1
}

need_value() {
  [[ $# -ge 2 && -n "$2" && "$2" != --* ]] || {
    echo "error: $1 needs a value" >&2
    usage >&2
    exit 64
  }
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --principal-id)
      need_value "$@"
      principal_id="$2"
      shift 2
      ;;
    --identity-name)
      need_value "$@"
      identity_name="$2"
      shift 2
      ;;
    --resource-group | -g)
      need_value "$@"
      resource_group="$2"
      shift 2
      ;;
    --permissions-file)
      need_value "$@"
      permissions_file="$2"
      shift 2
      ;;
    "$USAGE_LOCATION_FLAG")
      with_usage_location=true
      shift
      ;;
    --dry-run)
      dry_run=true
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      echo "error: unknown option $1" >&2
      usage >&2
      exit 64
      ;;
  esac
done

command -v az >/dev/null 2>&1 || fail 'the Azure CLI (az) is not on PATH: https://aka.ms/azure-cli'
command -v node >/dev/null 2>&1 || fail 'Node.js (node) is not on PATH; the script uses it to read JSON'
[[ -f "$permissions_file" ]] || fail "no permissions file at $permissions_file"

# Reads JSON on stdin and prints what the JavaScript in $1 selects (one tab-separated record per line).
json() {
  node -e "const data = JSON.parse(require('fs').readFileSync(0, 'utf8')); $1"
}

# --- Whose permissions -------------------------------------------------------------------------------------------

if [[ -n "$identity_name" ]]; then
  [[ -n "$resource_group" ]] || fail '--identity-name needs --resource-group'
  principal_id=$(az identity show --name "$identity_name" --resource-group "$resource_group" \
    --query principalId --output tsv) || fail "cannot read the managed identity $identity_name in $resource_group"
fi
if [[ -z "$principal_id" ]]; then
  echo 'error: say whose permissions to grant: --principal-id, --identity-name with --resource-group, or MANAGED_IDENTITY_PRINCIPAL_ID' >&2
  usage >&2
  exit 64
fi
[[ "$principal_id" =~ $GUID_RE ]] || fail "the principal id \"$principal_id\" is not an object id (a GUID)"

# --- Which permissions --------------------------------------------------------------------------------------------

# (Plain indexed arrays and no ${x,,}: macOS still ships bash 3.2. Node prints ids in lower case.)
permission_lines=$(json "
  if (data.resourceAppId !== '$GRAPH_APP_ID') throw new Error('resourceAppId is not Microsoft Graph');
  for (const p of data.permissions) console.log([p.name, String(p.id).toLowerCase(), p.onlyWith || ''].join('\t'));
" <"$permissions_file") || fail "cannot read $permissions_file"
wanted_names=()
wanted_ids=()
while IFS=$'\t' read -r name id only_with; do
  [[ -n "$name" ]] || continue
  [[ "$id" =~ $GUID_RE ]] || fail "$permissions_file: the id of $name is not a GUID"
  case "$only_with" in
    '') ;;
    "$USAGE_LOCATION_FLAG") [[ "$with_usage_location" == true ]] || continue ;;
    *) fail "$permissions_file: $name is granted only with \"$only_with\", which this script does not know" ;;
  esac
  wanted_names+=("$name")
  wanted_ids+=("$id")
done <<<"$permission_lines"
[[ ${#wanted_names[@]} -gt 0 ]] || fail "$permissions_file lists no permissions"

# --- Microsoft Graph's service principal in this tenant, and its application roles ------------------------------

graph_get() {
  az rest --method GET --url "$1" ||
    fail "GET $1 failed: is the Azure CLI signed in to the right tenant (az login), with a role that may read service principals?"
}

graph_sp=$(graph_get "$GRAPH/servicePrincipals(appId='$GRAPH_APP_ID')?\$select=id,appRoles")
graph_sp_id=$(json 'console.log(String(data.id).toLowerCase())' <<<"$graph_sp") ||
  fail 'unexpected answer when reading the Microsoft Graph service principal'
[[ "$graph_sp_id" =~ $GUID_RE ]] || fail 'the tenant has no Microsoft Graph service principal'
# One "value<TAB>id" line per application role.
graph_roles=$(json "
  for (const r of data.appRoles || [])
    if ((r.allowedMemberTypes || []).includes('Application')) console.log(r.value + '\t' + String(r.id).toLowerCase());
" <<<"$graph_sp")

graph_role_id() {
  printf '%s\n' "$graph_roles" | awk -F '\t' -v value="$1" '$1 == value { print $2; exit }'
}

# The ids in the file must be the ones Microsoft Graph publishes: a wrong id would grant another permission.
for i in "${!wanted_names[@]}"; do
  name="${wanted_names[$i]}"
  actual=$(graph_role_id "$name")
  [[ -n "$actual" ]] || fail "Microsoft Graph has no application permission named $name"
  [[ "$actual" == "${wanted_ids[$i]}" ]] ||
    fail "$permissions_file gives $name the id ${wanted_ids[$i]}, but Microsoft Graph says $actual"
done

# --- What the identity already holds on Microsoft Graph ------------------------------------------------------------

held=''
url="$GRAPH/servicePrincipals/$principal_id/appRoleAssignments?\$select=appRoleId,resourceId"
while [[ -n "$url" ]]; do
  page=$(graph_get "$url")
  records=$(json "
    for (const a of data.value || [])
      if (String(a.resourceId).toLowerCase() === '$graph_sp_id') console.log('role\t' + String(a.appRoleId).toLowerCase());
    if (data['@odata.nextLink']) console.log('next\t' + data['@odata.nextLink']);
  " <<<"$page") || fail "unexpected answer to GET $url"
  url=''
  while IFS=$'\t' read -r kind value; do
    case "$kind" in
      role) held="$held$value"$'\n' ;;
      next) url="$value" ;;
    esac
  done <<<"$records"
done

is_held() {
  grep -qxF "$1" <<<"$held"
}

# --- Grant what is missing -----------------------------------------------------------------------------------------

echo "Microsoft Graph application permissions for service principal $principal_id:"
granted=0
kept=0
for i in "${!wanted_names[@]}"; do
  name="${wanted_names[$i]}"
  id="${wanted_ids[$i]}"
  if is_held "$id"; then
    echo "  already granted  $name"
    kept=$((kept + 1))
  elif [[ "$dry_run" == true ]]; then
    echo "  would grant      $name ($id)"
    granted=$((granted + 1))
  else
    az rest --method POST --url "$GRAPH/servicePrincipals/$principal_id/appRoleAssignments" \
      --headers 'Content-Type=application/json' \
      --body "{\"principalId\":\"$principal_id\",\"resourceId\":\"$graph_sp_id\",\"appRoleId\":\"$id\"}" \
      --output none || fail "granting $name failed: granting Microsoft Graph app roles needs Privileged Role Administrator or Global Administrator"
    echo "  granted          $name"
    granted=$((granted + 1))
  fi
done

# Permissions held beyond the list are reported, never removed: removing one is a decision for an administrator.
while IFS=$'\t' read -r value id; do
  [[ -n "$value" ]] || continue
  if is_held "$id" && [[ " ${wanted_ids[*]} " != *" $id "* ]]; then
    echo "  not requested    $value is granted but not needed with these options; remove it in Entra ID if unused"
  fi
done <<<"$graph_roles"

if [[ "$dry_run" == true ]]; then
  echo "Dry run: $granted to grant, $kept already granted; nothing was changed."
else
  echo "Done: $granted granted, $kept already granted."
fi
