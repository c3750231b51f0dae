//! Where new cards go: free space on the wall near where the moderator is looking, never on
//! another card or a label, found for many cards at once with one index of what is taken.

use super::layout::{GAP, UnitRect, WALL_H, WALL_W, obstacles, to_wall};
use super::model::Board;
use super::occupied::Occupied;

/// Where a new card goes (wall coordinates): the free place on the wall nearest to `near`
/// (where the moderator is looking), else nearest to the wall's top left; never on top of
/// another card or a label. A free board that is full grows downwards; a positioning board
/// keeps every card on the wall (if it is full, the card goes to the nearest place on it
/// and the drawing shows it beside any card it covers).
pub fn free_spot(board: &Board, near: Option<(f32, f32)>, size: (f32, f32)) -> (f32, f32) {
    free_spots(board, near, &[size])
        .into_iter()
        .next()
        .unwrap_or((0.5, 0.5))
}

/// Places for several new cards at once, each taking its place before the next looks
/// (as `free_spot` would one by one), with one index of what is taken: near linear in the
/// number of cards.
pub fn free_spots(
    board: &Board,
    near: Option<(f32, f32)>,
    sizes: &[(f32, f32)],
) -> Vec<(f32, f32)> {
    let mut taken = Occupied::of(obstacles(board, &|_| false));
    let on_axes = board.axes.is_some();
    let mut spots = Vec::with_capacity(sizes.len());
    // Where the last card went: the next one looks from there on, so a batch fills the
    // wall in reading order instead of searching from the start every time.
    let mut from = near.map(|(x, y)| (x * WALL_W, y * WALL_H));
    // A card that found no room on the wall: no card at least as large will (the wall only
    // fills), so a batch of ten thousand does not search a full wall ten thousand times.
    let mut no_room: Option<(f32, f32)> = None;
    // The row below the wall the last card went into: rows above it are full.
    let mut below_row = 0;
    for &(w, h) in sizes {
        let start = from.unwrap_or((w / 2.0 + GAP, h / 2.0 + GAP));
        let wall_is_full = no_room.is_some_and(|(fw, fh)| w >= fw && h >= fh);
        let found = if wall_is_full {
            None
        } else {
            on_wall(&taken, start, (w, h))
        };
        if found.is_none() && !wall_is_full {
            no_room = Some((w, h));
        }
        let spot = found
            .or_else(|| {
                (!on_axes).then(|| {
                    let (spot, row) = below_wall(&taken, (w, h), below_row);
                    below_row = row;
                    spot
                })
            })
            .unwrap_or_else(|| clamp_to_wall(start, (w, h)));
        taken.add(
            UnitRect {
                min: (spot.0 - w / 2.0, spot.1 - h / 2.0),
                max: (spot.0 + w / 2.0, spot.1 + h / 2.0),
            }
            .expand(GAP / 2.0),
        );
        spots.push(to_wall(spot));
        if near.is_none() {
            from = Some(spot);
        }
    }
    spots
}

/// The free place on the wall nearest to `start`, searching in rings of card steps.
fn on_wall(taken: &Occupied, start: (f32, f32), (w, h): (f32, f32)) -> Option<(f32, f32)> {
    let step_x = (w + GAP) / 2.0;
    let step_y = (h + GAP) / 2.0;
    let rings = ((WALL_W / step_x).max(WALL_H / step_y)).ceil() as i32 + 1;
    let fits = |x: f32, y: f32| {
        let rect = UnitRect {
            min: (x - w / 2.0, y - h / 2.0),
            max: (x + w / 2.0, y + h / 2.0),
        };
        rect.min.0 >= GAP
            && rect.min.1 >= GAP
            && rect.max.0 <= WALL_W - GAP
            && rect.max.1 <= WALL_H - GAP
            && !taken.hits(&rect)
    };
    let start = clamp_to_wall(start, (w, h));
    for ring in 0..=rings {
        // The ring's places, nearest first; rows before columns reads like a wall fills.
        let mut places: Vec<(i32, i32)> = (-ring..=ring)
            .flat_map(|i| (-ring..=ring).map(move |j| (i, j)))
            .filter(|&(i, j)| i.abs().max(j.abs()) == ring)
            .collect();
        places.sort_by_key(|&(i, j)| (j.abs() * 2 + i.abs(), j, i));
        for (i, j) in places {
            let (x, y) = (start.0 + i as f32 * step_x, start.1 + j as f32 * step_y);
            if fits(x, y) {
                return Some((x, y));
            }
        }
    }
    None
}

/// The first free place below the wall, row by row from `first_row` (a free pinboard grows
/// downwards), and its row.
fn below_wall(taken: &Occupied, (w, h): (f32, f32), first_row: i32) -> ((f32, f32), i32) {
    let step_x = w + GAP;
    let step_y = (h + GAP) / 2.0;
    let columns = ((WALL_W - GAP) / step_x).floor().max(1.0) as i32;
    for row in first_row..first_row.saturating_add(100_000) {
        for col in 0..columns {
            let x = w / 2.0 + GAP + col as f32 * step_x;
            let y = WALL_H + h / 2.0 + GAP + row as f32 * step_y;
            let rect = UnitRect {
                min: (x - w / 2.0, y - h / 2.0),
                max: (x + w / 2.0, y + h / 2.0),
            };
            if !taken.hits(&rect) {
                return ((x, y), row);
            }
        }
    }
    ((WALL_W / 2.0, WALL_H + h), first_row)
}

/// A card's centre moved onto the wall, so that the whole card is on it.
fn clamp_to_wall((x, y): (f32, f32), (w, h): (f32, f32)) -> (f32, f32) {
    let clamp = |v: f32, half: f32, length: f32| {
        let (low, high) = (half + GAP, length - half - GAP);
        if low > high {
            length / 2.0
        } else {
            v.clamp(low, high)
        }
    };
    (clamp(x, w / 2.0, WALL_W), clamp(y, h / 2.0, WALL_H))
}
