# SPDX-License-Identifier: GPL-2.0
#
# Summarise the lines tools/bench/guest.sh printed: per workload and
# configuration, the median over the measured rounds (round 0 is the
# warm-up) of the time per operation, of its ratio to the untraced time
# of the same round with the min-max, of the events per second delivered
# and the sum of the records lost; then the issue's targets, PASS or
# MISS.  Variables: configs (in order), release, json (a file, or empty).

function median(list,    n, a, i, j, t) {
	n = split(list, a, " ")
	if (n == 0)
		return ""
	for (i = 2; i <= n; i++) {
		t = a[i] + 0
		for (j = i - 1; j > 0 && a[j] + 0 > t; j--)
			a[j + 1] = a[j]
		a[j + 1] = t
	}
	return n % 2 ? a[(n + 1) / 2] + 0 : (a[n / 2] + a[n / 2 + 1]) / 2
}

function minmax(list, which,    n, a, i, m) {
	n = split(list, a, " ")
	m = a[1] + 0
	for (i = 2; i <= n; i++)
		if ((which == "min" && a[i] + 0 < m) || (which == "max" && a[i] + 0 > m))
			m = a[i] + 0
	return m
}

function ratio(c, w) {
	return ((c, w) in ratios) ? median(ratios[c, w]) : ""
}

# The fastest round's time over the fastest untraced time: other work on
# the host only ever adds time, so the minima are the least disturbed.
function best(c, w) {
	if (!((c, w) in nslist) || !(("none", w) in nslist))
		return ""
	return minmax(nslist[c, w], "min") / minmax(nslist["none", w], "min")
}

function overhead(c, w,    r) {
	r = best(c, w)
	return r == "" ? "" : r - 1
}

function lostsum(c, w) {
	return ((c, w) in lost) ? lost[c, w] : ""
}

function target(desc, ok, value) {
	ntargets++
	tdesc[ntargets] = desc
	tvalue[ntargets] = value
	tverdict[ntargets] = ok == "" ? "n/a" : ok ? "PASS" : "MISS"
}

function jstr(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	return "\"" s "\""
}

function jnum(v) {
	return v == "" ? "null" : v
}

$1 == "INFO" && $2 == "kernel" { kernel = $3 }
$1 == "NA" {
	c = $2
	sub(/^NA [^ ]+ /, "")
	if (!(c in na))
		na[c] = $0
	next
}
$1 == "SAT" { sat = 1; sat_ev = $2; sat_lost = $3; sat_ns = $4; sat_cpu = $5 }
$1 == "LOSSFREE" {
	lf = 1; lf_ev = $2; lf_ns = $3; lf_cpu = $4; lf_lo = $5; lf_hi = $6; lf_tries = $7
}
$1 == "M" && $2 > 0 {
	r = $2; c = $3; w = $4
	ns[r, c, w] = $5
	nslist[c, w] = nslist[c, w] " " $5
	if ($6 != "-")
		evlist[c, w] = evlist[c, w] " " ($6 * 1e9 / $8)
	if ($7 != "-")
		lost[c, w] += $7
	seen[c, w] = 1
	if (!(w in wseen)) {
		wseen[w] = 1
		works[++nworks] = w
	}
	if (r > maxround)
		maxround = r
}

END {
	ncfg = split(configs, cfg, " ")
	for (i = 1; i <= ncfg; i++)
		for (k = 1; k <= nworks; k++)
			for (r = 1; r <= maxround; r++)
				if ((r, cfg[i], works[k]) in ns &&
				    ns[r, "none", works[k]] > 0)
					ratios[cfg[i], works[k]] = ratios[cfg[i], works[k]] " " \
						ns[r, cfg[i], works[k]] / ns[r, "none", works[k]]

	printf "ktrace benchmark: kernel %s, %d measured rounds\nratio = time per operation / untraced time of the same round\n\n", \
		kernel ? kernel : release, maxround
	for (k = 1; k <= nworks; k++) {
		w = works[k]
		printf "%-13s %9s %-21s %5s %10s %8s\n", w, "ns/op", " ratio (min-max)", "best", "events/s", "lost"
		for (i = 1; i <= ncfg; i++) {
			c = cfg[i]
			if (!((c, w) in seen)) {
				printf "  %-11s %s\n", c, "n/a (" (c in na ? na[c] : "not measured") ")"
				continue
			}
			rr = ratio(c, w)
			cell = rr == "" ? "-" : sprintf("%.2f (%.2f-%.2f)", rr,
				minmax(ratios[c, w], "min"), minmax(ratios[c, w], "max"))
			ev = (c, w) in evlist ? sprintf("%.0f", median(evlist[c, w])) : "-"
			printf "  %-11s %9.0f %-21s %5.2f %10s %8s\n", c, median(nslist[c, w]),
				cell, best(c, w), ev, (c, w) in lost ? lost[c, w] : "-"
		}
		printf "\n"
	}

	w = "getppid1"
	fo = overhead("floor", w)
	if (best("idle", w) != "")
		target("loaded, no session: ratio <= 1.01", best("idle", w) <= 1.01,
		       sprintf("%.3f", best("idle", w)))
	else
		target("loaded, no session: ratio <= 1.01", "", "")
	split("filter 1.2 filter-out session|count 1.5 counting|record 3 record", fl, "|")
	for (i = 1; i <= 3; i++) {
		split(fl[i], f, " ")
		d = f[3] (f[4] != "" ? " " f[4] : "") ": overhead <= " f[2] " x floor's"
		o = overhead(f[1], w)
		if (o == "" || fo == "" || fo <= 0)
			target(d, "", "")
		else
			target(d, o <= f[2] * fo, sprintf("%.2f x floor", o / fo))
	}
	fto = overhead("ftrace", w)
	o = overhead("text", w)
	if (o == "" || fto == "")
		target("text: overhead <= 1/2 ftrace's, 0 lost", "", "")
	else
		target("text: overhead <= 1/2 ftrace's, 0 lost",
		       o <= fto / 2 && lostsum("text", w) == 0,
		       sprintf("%.2f x ftrace, %d lost", o / fto, lostsum("text", w)))
	o = overhead("record", w)
	if (o == "" || fto == "")
		target("record: overhead <= 1/4 ftrace's, 0 lost", "", "")
	else
		target("record: overhead <= 1/4 ftrace's, 0 lost",
		       o <= fto / 4 && lostsum("record", w) == 0,
		       sprintf("%.2f x ftrace, %d lost", o / fto, lostsum("record", w)))
	so = overhead("strace", w)
	o = overhead("text", w)
	if (o == "" || so == "" || o <= 0)
		target("text: overhead >= 100 x below strace's", "", "")
	else
		target("text: overhead >= 100 x below strace's", so / o >= 100,
		       sprintf("%.0f x below", so / o))
	split("sysdig perf", peers, " ")
	for (p = 1; p <= 2; p++) {
		d = "text: overhead < " peers[p] "'s, every workload"
		ok = ""; worst = ""
		for (k = 1; k <= nworks; k++) {
			o = overhead("text", works[k]); po = overhead(peers[p], works[k])
			if (o == "" || po == "")
				continue
			ok = (ok == "" ? 1 : ok) && o < po
			if (po > 0 && (worst == "" || o / po > worst))
				worst = o / po
		}
		target(d, ok, worst == "" ? "" : sprintf("worst %.2f x %s", worst, peers[p]))
	}

	printf "%-46s %-22s %s\n", "target (getppid1 unless named; best ratios)", "measured", "verdict"
	for (i = 1; i <= ntargets; i++)
		printf "%-46s %-22s %s\n", tdesc[i], tvalue[i] == "" ? "-" : tvalue[i], tverdict[i]
	if (sat)
		printf "\nsaturation (2 threads, system-wide, 16 KiB rings, ktrace -o /dev/null):\n  %.0f events/s delivered, %d lost, reader %.3f s CPU per million events\n", \
			sat_ev * 1e9 / sat_ns, sat_lost, (sat_ev > 0 ? sat_cpu / 1e9 / (sat_ev / 1e6) : 0)
	if (lf && lf_ev > 0)
		printf "  loss-free: %.0f events/s delivered with none lost, reader %.3f s CPU per million events\n  (paced, %d tries: %d calls/s lost none, %d lost some)\n", \
			lf_ev * 1e9 / lf_ns, lf_cpu / 1e9 / (lf_ev / 1e6), lf_tries, lf_lo, lf_hi
	else if (lf)
		printf "  loss-free: no paced rate lost nothing (%d tries, down to %d calls/s)\n", lf_tries, lf_hi

	if (json == "")
		exit
	printf "{\n  \"kernel\": %s,\n  \"rounds\": %d,\n  \"results\": [", jstr(kernel), maxround >json
	sep = ""
	for (k = 1; k <= nworks; k++)
		for (i = 1; i <= ncfg; i++) {
			c = cfg[i]; w = works[k]
			printf "%s\n    {\"workload\": %s, \"config\": %s, ", sep, jstr(w), jstr(c) >json
			sep = ","
			if (!((c, w) in seen)) {
				printf "\"na\": %s}", jstr(c in na ? na[c] : "not measured") >json
				continue
			}
			printf "\"ns_per_op\": %.0f, \"best_ratio\": %s, \"ratio\": %s, \"ratio_min\": %s, \"ratio_max\": %s, \"events_per_s\": %s, \"lost\": %s}", \
				median(nslist[c, w]), jnum(best(c, w)), jnum(ratio(c, w)),
				jnum(ratio(c, w) == "" ? "" : minmax(ratios[c, w], "min")),
				jnum(ratio(c, w) == "" ? "" : minmax(ratios[c, w], "max")),
				jnum((c, w) in evlist ? sprintf("%.0f", median(evlist[c, w])) : ""),
				jnum(lostsum(c, w)) >json
		}
	printf "\n  ],\n  \"targets\": [" >json
	sep = ""
	for (i = 1; i <= ntargets; i++) {
		printf "%s\n    {\"target\": %s, \"measured\": %s, \"verdict\": %s}", sep,
			jstr(tdesc[i]), jstr(tvalue[i]), jstr(tverdict[i]) >json
		sep = ","
	}
	printf "\n  ]" >json
	if (sat)
		printf ",\n  \"saturation\": {\"events\": %d, \"lost\": %d, \"elapsed_ns\": %d, \"reader_cpu_ns\": %d}", \
			sat_ev, sat_lost, sat_ns, sat_cpu >json
	if (lf)
		printf ",\n  \"lossfree\": {\"events\": %d, \"elapsed_ns\": %d, \"reader_cpu_ns\": %d, \"lossless_calls_per_s\": %d, \"lossy_calls_per_s\": %d, \"tries\": %d}", \
			lf_ev, lf_ns, lf_cpu, lf_lo, lf_hi, lf_tries >json
	printf "\n}\n" >json
}
