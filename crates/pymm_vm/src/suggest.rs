//! "Did you mean" suggestions for `NameError` and `AttributeError`, with CPython 3.11's
//! algorithm (`Python/suggestions.c`): a Levenshtein distance where a case change costs
//! 1 and any other edit 2, accepting at most a third of the characters changed.

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `name`, if one is close enough.
pub fn calculate(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() > MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_distance = usize::MAX;
    for item in candidates {
        if item == name {
            continue;
        }
        let max_distance =
            ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best.cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn matches_cpython_choices() {
        assert_eq!(
            calculate(&c(&["total", "print"]), "totl").as_deref(),
            Some("total")
        );
        assert_eq!(calculate(&c(&["Total"]), "total").as_deref(), Some("Total"));
        assert_eq!(calculate(&c(&["abcdef"]), "xyz"), None);
        assert_eq!(
            calculate(&c(&["append", "extend"]), "apend").as_deref(),
            Some("append")
        );
    }
}
