#!/usr/bin/env python3
"""Generates a group's results for benchmarking `mlcheck report`.

    mlcheck questions --format json | python3 scripts/gen-answers.py files N DIR [SEED]
    mlcheck questions --format json | python3 scripts/gen-answers.py jsonl N FILE [SEED]

`files` writes N answers files (the keyed form --save-answers writes) into DIR; `jsonl` writes
N results, one compact JSON object a line, shaped as `mlcheck quiz --format json` prints them
(the fields the report ignores included, so the file is as large as a real one). Answers are
random with a fixed seed (7, or SEED), so every run generates the same files; the same N and
DIR with another SEED give the same names with other answers (a group's `after` for compare).
"""
import json
import os
import random
import sys


# Texts of the length the quiz prints, so a line is as long as a real result's.
VERDICT = "Stay in back-end"
ADVICE = [
    "Keep deepening your own craft. A good engineer who enjoys the work has every reason to keep building that career.",
    "A few ML tutorials won't move your career forward; that time is better spent on your own field.",
    "When a product needs a model, pair with an ML colleague. They need a developer like you just as much.",
]


def main():
    if len(sys.argv) not in (4, 5) or sys.argv[1] not in ("files", "jsonl"):
        sys.exit(__doc__)
    kind, n, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) == 5 else 7
    bank = json.load(sys.stdin)
    questions = [(q["id"], [c["key"] for c in q["choices"]], [c["weight"] for c in q["choices"]]) for q in bank["questions"]]
    rng = random.Random(seed)

    def person():
        return [(qid, rng.randrange(len(keys))) for qid, keys, _ in questions]

    if kind == "files":
        os.makedirs(target, exist_ok=True)
        for i in range(n):
            lines = ["# mlcheck answers; replay with: mlcheck quiz --answers FILE\n"]
            lines += ["%s = %s\n" % (qid, questions[j][1][k]) for j, (qid, k) in enumerate(person())]
            with open(os.path.join(target, "%07d.txt" % i), "w", encoding="utf-8") as f:
                f.write("".join(lines))
        return
    with open(target, "w", encoding="utf-8") as f:
        for _ in range(n):
            answers = [{"id": qid, "choice": questions[j][1][k], "weight": questions[j][2][k]} for j, (qid, k) in enumerate(person())]
            score = sum(a["weight"] for a in answers)
            track = answers[0]["choice"]
            rec = "ml" if score >= bank["threshold"] else track
            myths = [{"id": a["id"], "believed": a["choice"] in ("agree", "strongly-agree"), "weight": a["weight"],
                      "checks_weight": 0} for a, q in zip(answers, bank["questions"]) if q["kind"] == "myth"]
            result = {
                "recommendation": rec, "verdict": VERDICT, "track": track, "score": score,
                "threshold": bank["threshold"], "min_score": bank["min_score"], "max_score": bank["max_score"],
                "answers": answers, "myths": myths, "reasons": [a["id"] for a in answers[1:4]],
                "advice": ADVICE, "lang": bank["lang"],
            }
            f.write(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
