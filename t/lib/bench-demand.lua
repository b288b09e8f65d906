-- wrk script for make bench: POST /demande with a fresh form token per
-- request (so every request is a new demand), the anti-forgery cookie and
-- token given in the environment by t/lib/bench.sh.
local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local cookie = os.getenv("BENCH_COOKIE")
local csrf = os.getenv("BENCH_CSRF")
-- BENCH_REFUSED=1: the same form with a malformed form token, refused
-- (400, a page of about the size of a 303) by the worker before any
-- database work: the web layer's own ceiling on this machine.
local refused = os.getenv("BENCH_REFUSED")

function setup(thread)
  thread:set("seed", math.random(1, 1e9))
end

function init(args)
  math.randomseed(seed + os.time())
end

local function token()
  local t = {}
  for i = 1, 43 do
    local k = math.random(1, #chars)
    t[i] = chars:sub(k, k)
  end
  return table.concat(t)
end

function request()
  local body = "_csrf=" .. csrf .. "&jeton=" .. (refused and "x" or token()) ..
    "&nom=Martin&prenom=Claire&email=claire.martin%40caf23.caf.fr&telephone=&organisme=Caf+de+la+Creuse" ..
    "&fonction=&formation=cooperation-territoriale&intitule=&type=intra&participants=12&periode=&lieu=" ..
    "&accessibilite=&message=Bench&consentement=oui"
  return wrk.format("POST", "/demande", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end

local accepted = 0
function response(status, headers, body)
  if status == 303 then accepted = accepted + 1 end
end

function done(summary, latency, requests)
  -- per-thread counters are not shared in wrk; the shell counts rows instead
end
