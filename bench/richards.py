"""Richards-style OS-scheduler simulation: tasks, packets, a scheduler.

Object/method-call heavy workload (attribute access, method dispatch, small
object allocation). Written for pymm; modelled on the shape of the classic
Richards benchmark but not a copy of it. Prints a checksum line.
"""
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
NTASKS = 6
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    __slots__ = ("link", "ident", "kind", "datum", "data")

    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def running(self):
        self.packet_pending = self.task_waiting = self.task_holding = False
        return self

    def waiting(self):
        self.packet_pending = self.task_holding = False
        self.task_waiting = True
        return self

    def waiting_with_packet(self):
        self.task_holding = False
        self.packet_pending = self.task_waiting = True
        return self

    def is_held_or_suspended(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class Task(TaskState):
    def __init__(self, sched, ident, priority, queue, state):
        TaskState.__init__(self)
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.link = sched.task_list
        sched.task_list = self
        sched.table[ident] = self
        self.packet_pending = state.packet_pending
        self.task_waiting = state.task_waiting
        self.task_holding = state.task_holding

    def add_packet(self, pkt, old):
        if self.queue is None:
            self.queue = pkt
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            pkt.append_to(self.queue)
        return old

    def run_task(self):
        if self.is_waiting_with_packet():
            msg = self.queue
            self.queue = msg.link
            if self.queue is None:
                self.running()
            else:
                self.packet_pending = True
                self.task_waiting = self.task_holding = False
        else:
            msg = None
        return self.fn(msg)

    def wait_task(self):
        self.task_waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, ident):
        t = self.sched.table[ident]
        t.task_holding = False
        if t.priority > self.priority:
            return t
        return self

    def qpkt(self, pkt):
        t = self.sched.table[pkt.ident]
        self.sched.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.ident
        return t.add_packet(pkt, self)


class IdleTask(Task):
    def __init__(self, sched, ident, prio, queue, state, count):
        Task.__init__(self, sched, ident, prio, queue, state)
        self.control = 1
        self.count = count

    def fn(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control //= 2
            return self.release(DEVICE_A)
        self.control = self.control // 2 ^ 0xD008
        return self.release(DEVICE_B)


class DeviceTask(Task):
    def __init__(self, sched, ident, prio, queue, state):
        Task.__init__(self, sched, ident, prio, queue, state)
        self.pending = None

    def fn(self, pkt):
        if pkt is None:
            pkt = self.pending
            if pkt is None:
                return self.wait_task()
            self.pending = None
            return self.qpkt(pkt)
        self.pending = pkt
        self.sched.checksum = (self.sched.checksum * 31 + pkt.datum) & 0xFFFFFFF
        return self.hold()


class HandlerTask(Task):
    def __init__(self, sched, ident, prio, queue, state):
        Task.__init__(self, sched, ident, prio, queue, state)
        self.work_in = None
        self.device_in = None

    def fn(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            count = work.datum
            if count < BUFSIZE:
                dev = self.device_in
                if dev is not None:
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return self.qpkt(dev)
            else:
                self.work_in = work.link
                return self.qpkt(work)
        return self.wait_task()


class WorkTask(Task):
    def __init__(self, sched, ident, prio, queue, state):
        Task.__init__(self, sched, ident, prio, queue, state)
        self.destination = HANDLER_A
        self.count = 0

    def fn(self, pkt):
        if pkt is None:
            return self.wait_task()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        pkt.ident = self.destination
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = 64 + self.count  # 'A' + count - 1
        return self.qpkt(pkt)


class Scheduler:
    def __init__(self):
        self.task_list = None
        self.table = [None] * NTASKS
        self.hold_count = 0
        self.qpkt_count = 0
        self.checksum = 0

    def run(self, count):
        IdleTask(self, IDLE, 0, None, TaskState().running(), count)
        wkq = Packet(None, 0, KIND_WORK)
        wkq = Packet(wkq, 0, KIND_WORK)
        WorkTask(self, WORKER, 1000, wkq, TaskState().waiting_with_packet())
        wkq = Packet(None, DEVICE_A, KIND_DEVICE)
        wkq = Packet(wkq, DEVICE_A, KIND_DEVICE)
        wkq = Packet(wkq, DEVICE_A, KIND_DEVICE)
        HandlerTask(self, HANDLER_A, 2000, wkq, TaskState().waiting_with_packet())
        wkq = Packet(None, DEVICE_B, KIND_DEVICE)
        wkq = Packet(wkq, DEVICE_B, KIND_DEVICE)
        wkq = Packet(wkq, DEVICE_B, KIND_DEVICE)
        HandlerTask(self, HANDLER_B, 3000, wkq, TaskState().waiting_with_packet())
        DeviceTask(self, DEVICE_A, 4000, None, TaskState().waiting())
        DeviceTask(self, DEVICE_B, 5000, None, TaskState().waiting())
        t = self.task_list
        while t is not None:
            if t.is_held_or_suspended():
                t = t.link
            else:
                t = t.run_task()
        return self.qpkt_count, self.hold_count, self.checksum


def main(iterations=16, count=10000):
    totals = [0, 0, 0]
    for _ in range(iterations):
        q, h, c = Scheduler().run(count)
        totals[0] += q
        totals[1] += h
        totals[2] = (totals[2] * 7 + c) & 0xFFFFFFF
    print("richards qpkt=%d hold=%d checksum=%d" % tuple(totals))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 16)
