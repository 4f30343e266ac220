//! Work done off the frame (exports, the start-up load), so that a frame never waits.
//! A panic in such work is caught and reported as a failure of that task: the window
//! and the document go on.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Why a task gave no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskFailure {
    /// The task panicked (a bug): its message.
    Panicked(String),
    /// The thread could not be started.
    NotStarted(String),
}

/// A piece of work running on its own thread.
pub struct Task<T> {
    receiver: Receiver<Result<T, TaskFailure>>,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a thread named `name`.
    pub fn spawn(name: &str, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (send, receiver) = channel();
        let failed = send.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let outcome = catch_unwind(AssertUnwindSafe(work))
                    .map_err(|payload| TaskFailure::Panicked(panic_message(payload.as_ref())));
                // The app may have gone: nobody to tell.
                send.send(outcome).ok();
            });
        if let Err(e) = spawned {
            failed
                .send(Err(TaskFailure::NotStarted(e.to_string())))
                .ok();
        }
        Self { receiver }
    }

    /// The outcome, once the work is done; `None` while it runs.
    pub fn poll(&self) -> Option<Result<T, TaskFailure>> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(TaskFailure::Panicked(String::new()))),
        }
    }

    /// Waits for the outcome (tests, and the close of the app).
    pub fn wait(self) -> Result<T, TaskFailure> {
        self.receiver
            .recv()
            .unwrap_or_else(|_| Err(TaskFailure::Panicked(String::new())))
    }
}

/// The text of a panic's payload.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_comes_back() {
        let task = Task::spawn("test", || 6 * 7);
        assert_eq!(task.wait(), Ok(42));
    }

    #[test]
    fn a_panic_becomes_a_failure_with_its_message() {
        let task: Task<()> = Task::spawn("test", || panic!("the disk caught fire"));
        assert_eq!(
            task.wait(),
            Err(TaskFailure::Panicked("the disk caught fire".into()))
        );
    }
}
