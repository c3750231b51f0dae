//! Background work: one runner for everything that touches the disk or takes more than a few
//! milliseconds (opening, saving, listing sessions, consolidation, export, photo work,
//! suggestions). Jobs report progress, can be cancelled, and a job that panics or whose
//! worker disappears ends with a clear failure instead of leaving its caller waiting.
//! No GUI code here: the runner wakes its owner through a callback.

use std::collections::{BTreeMap, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;

/// Shared between a running job and whoever waits for it.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    is_cancelled: AtomicBool,
}

impl Progress {
    /// Reports `done` of `total` steps.
    pub fn set(&self, done: u64, total: u64) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done.min(total), Ordering::Relaxed);
    }

    /// How far the job is, from 0 to 1, once it has said.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| self.done.load(Ordering::Relaxed) as f32 / total as f32)
    }

    /// Asks the job to stop; it checks [`Progress::is_cancelled`] between its steps.
    pub fn cancel(&self) {
        self.is_cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.is_cancelled.load(Ordering::Relaxed)
    }
}

/// Identifies a job while it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JobId(u64);

/// Where a job waits for a worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    /// Writing the open session (save, autosave): one worker, in order.
    Disk,
    /// Everything else, on as many workers as the machine has cores (at least two).
    Work,
}

/// Why a job gave no result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobFailure {
    /// The job panicked; the message, if it had one.
    Panicked(String),
    /// The worker went away before the job finished.
    WorkerGone,
}

type Work<T> = Box<dyn FnOnce(&Progress) -> T + Send>;

struct Queued<T> {
    work: Work<T>,
    progress: Arc<Progress>,
    reply: Sender<Result<T, JobFailure>>,
}

struct Queue<T> {
    jobs: Mutex<(VecDeque<Queued<T>>, bool)>,
    ready: Condvar,
}

impl<T> Queue<T> {
    fn push(&self, job: Queued<T>) {
        let mut guard = self.jobs.lock().unwrap_or_else(PoisonError::into_inner);
        guard.0.push_back(job);
        self.ready.notify_one();
    }

    /// The next job, or `None` when the runner is dropped.
    fn pop(&self) -> Option<Queued<T>> {
        let mut guard = self.jobs.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(job) = guard.0.pop_front() {
                return Some(job);
            }
            if guard.1 {
                return None;
            }
            guard = self
                .ready
                .wait(guard)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn close(&self) {
        let mut guard = self.jobs.lock().unwrap_or_else(PoisonError::into_inner);
        guard.1 = true;
        self.ready.notify_all();
    }
}

/// A running job as its owner sees it.
struct Running<T> {
    progress: Arc<Progress>,
    result: Receiver<Result<T, JobFailure>>,
}

/// Runs jobs on worker threads and hands back their results.
pub struct JobRunner<T: Send + 'static> {
    disk: Arc<Queue<T>>,
    work: Arc<Queue<T>>,
    workers: Vec<JoinHandle<()>>,
    running: BTreeMap<JobId, Running<T>>,
    next_id: u64,
}

impl<T: Send + 'static> JobRunner<T> {
    /// Starts the workers; `wake` is called (from a worker) whenever a job has finished.
    pub fn new(wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        let queue = || {
            Arc::new(Queue {
                jobs: Mutex::new((VecDeque::new(), false)),
                ready: Condvar::new(),
            })
        };
        let (disk, work) = (queue(), queue());
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get().max(2));
        let mut workers = Vec::new();
        let lanes = std::iter::once(("moderato-disk", disk.clone()))
            .chain((0..cores).map(|_| ("moderato-work", work.clone())));
        for (name, queue) in lanes {
            let wake = wake.clone();
            let spawned = std::thread::Builder::new()
                .name(name.to_owned())
                .spawn(move || worker(&queue, wake.as_ref()));
            // Without a thread the job's reply is dropped and it ends as `WorkerGone`.
            if let Ok(handle) = spawned {
                workers.push(handle);
            }
        }
        Self {
            disk,
            work,
            workers,
            running: BTreeMap::new(),
            next_id: 0,
        }
    }

    /// Queues a job in a lane; returns its id.
    pub fn spawn(
        &mut self,
        lane: Lane,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> JobId {
        self.next_id += 1;
        let id = JobId(self.next_id);
        let progress = Arc::new(Progress::default());
        let (reply, result) = channel();
        let queued = Queued {
            work: Box::new(work),
            progress: progress.clone(),
            reply,
        };
        match lane {
            Lane::Disk => self.disk.push(queued),
            Lane::Work => self.work.push(queued),
        }
        self.running.insert(id, Running { progress, result });
        id
    }

    /// Results of the jobs that ended since the last call.
    pub fn poll(&mut self) -> Vec<(JobId, Result<T, JobFailure>)> {
        let mut finished = Vec::new();
        self.running.retain(|id, job| match job.result.try_recv() {
            Ok(result) => {
                finished.push((*id, result));
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                finished.push((*id, Err(JobFailure::WorkerGone)));
                false
            }
        });
        finished
    }

    /// The progress of a running job.
    pub fn progress(&self, id: JobId) -> Option<&Progress> {
        self.running.get(&id).map(|job| job.progress.as_ref())
    }

    /// Asks a running job to stop.
    pub fn cancel(&self, id: JobId) {
        if let Some(job) = self.running.get(&id) {
            job.progress.cancel();
        }
    }

    /// Whether a job is queued or running.
    pub fn is_running(&self, id: JobId) -> bool {
        self.running.contains_key(&id)
    }

    /// Whether any job is queued or running.
    pub fn is_busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Waits until every job queued so far has ended (before the app closes).
    pub fn wait_idle(
        &mut self,
        timeout: std::time::Duration,
    ) -> Vec<(JobId, Result<T, JobFailure>)> {
        let deadline = std::time::Instant::now() + timeout;
        let mut finished = Vec::new();
        while self.is_busy() && std::time::Instant::now() < deadline {
            finished.extend(self.poll());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        finished
    }
}

impl<T: Send + 'static> Drop for JobRunner<T> {
    fn drop(&mut self) {
        self.disk.close();
        self.work.close();
        for running in self.running.values() {
            running.progress.cancel();
        }
        // Workers finish their current job and end; nobody waits for their results now.
        self.workers.clear();
    }
}

fn worker<T>(queue: &Queue<T>, wake: &(dyn Fn() + Send + Sync)) {
    while let Some(job) = queue.pop() {
        let Queued {
            work,
            progress,
            reply,
        } = job;
        let result = catch_unwind(AssertUnwindSafe(|| work(&progress))).map_err(|panic| {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            JobFailure::Panicked(message)
        });
        // The owner may be gone (the app closed); then nobody needs the result.
        let _ = reply.send(result);
        wake();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn runner() -> JobRunner<u32> {
        JobRunner::new(Arc::new(|| {}))
    }

    fn wait_for(runner: &mut JobRunner<u32>) -> Vec<(JobId, Result<u32, JobFailure>)> {
        runner.wait_idle(Duration::from_secs(10))
    }

    #[test]
    fn results_come_back_with_their_ids() {
        let mut runner = runner();
        let a = runner.spawn(Lane::Work, |_| 1);
        let b = runner.spawn(Lane::Disk, |_| 2);
        let mut results = wait_for(&mut runner);
        results.sort_by_key(|(id, _)| *id);
        assert_eq!(results, vec![(a, Ok(1)), (b, Ok(2))]);
        assert!(!runner.is_busy());
    }

    #[test]
    fn a_panicking_job_ends_with_a_failure_and_the_worker_goes_on() {
        let mut runner = runner();
        let bad = runner.spawn(Lane::Work, |_| panic!("kaputt"));
        let results = wait_for(&mut runner);
        assert_eq!(
            results,
            vec![(bad, Err(JobFailure::Panicked("kaputt".into())))]
        );
        let good = runner.spawn(Lane::Work, |_| 7);
        assert_eq!(wait_for(&mut runner), vec![(good, Ok(7))]);
    }

    #[test]
    fn a_job_sees_its_cancellation_and_reports_progress() {
        let mut runner = runner();
        let started = Arc::new(AtomicBool::new(false));
        let seen = started.clone();
        let id = runner.spawn(Lane::Work, move |progress| {
            progress.set(1, 4);
            seen.store(true, Ordering::SeqCst);
            let mut steps = 0;
            while !progress.is_cancelled() && steps < 10_000 {
                std::thread::sleep(Duration::from_millis(1));
                steps += 1;
            }
            steps
        });
        while !started.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(runner.progress(id).and_then(Progress::fraction), Some(0.25));
        runner.cancel(id);
        let results = wait_for(&mut runner);
        assert!(matches!(results[0].1, Ok(steps) if steps < 10_000));
    }

    #[test]
    fn disk_jobs_run_in_the_order_they_were_queued() {
        let mut runner = runner();
        let order = Arc::new(Mutex::new(Vec::new()));
        for n in 0..20 {
            let order = order.clone();
            runner.spawn(Lane::Disk, move |_| {
                order.lock().unwrap().push(n);
                n
            });
        }
        wait_for(&mut runner);
        assert_eq!(*order.lock().unwrap(), (0..20).collect::<Vec<_>>());
    }
}
