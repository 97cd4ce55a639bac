// SPDX-License-Identifier: GPL-2.0
/*
 * System V IPC and POSIX message queues, for comparing ktrace with
 * strace, in an IPC namespace of its own so that each run gets the same
 * ids: a shared memory segment made, its state read and set, the limits
 * and use of segments read, attached (its address the result), detached
 * and removed, an attach refused; a semaphore set operated on (an array
 * refused, one with a timeout), its state read and set, the limits read,
 * a value set, read and removed; a message queue's state read and set,
 * the limits read, sent to and received from, an empty one read; a POSIX
 * queue made with attributes, one that does not exist, a message sent and
 * received, a receive timing out, the attributes set and read, a
 * notification asked for and removed, the queue unlinked; and mincore of
 * three pages, two touched.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <mqueue.h>
#include <sched.h>
#include <signal.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct sembuf sb[2] = { { 0, 1, SEM_UNDO | IPC_NOWAIT },
				{ 1, -1, IPC_NOWAIT } };
	struct { long type; char text[8]; } m = { 2, "hi" };
	struct mq_attr at = { 0, 2, 16, 0 }, old;
	struct timespec ts = { 0, 1000 }, past = { 1, 0 };
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL,
			       .sigev_signo = SIGUSR1,
			       .sigev_value.sival_int = 7 };
	struct shm_info shm_use;
	struct seminfo sem_lim;
	struct msginfo msg_lim;
	struct shminfo shm_lim;
	struct shmid_ds shm;
	struct semid_ds sem;
	struct msqid_ds msq;
	unsigned char vec[3];
	unsigned int prio;
	int id, s, q;
	char buf[16];
	mqd_t md;
	void *a;
	char *p;

	if (unshare(CLONE_NEWIPC))
		return 1;
	id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	shmctl(id, IPC_STAT, &shm);
	shm.shm_perm.mode = 0640;
	shmctl(id, IPC_SET, &shm);
	shmctl(id, IPC_INFO, (struct shmid_ds *)&shm_lim);
	shmctl(id, SHM_INFO, (struct shmid_ds *)&shm_use);
	a = shmat(id, NULL, SHM_RDONLY);
	shmdt(a);
	shmat(-1, NULL, SHM_RDONLY | SHM_RND);
	shmctl(id, IPC_RMID, NULL);

	s = semget(IPC_PRIVATE, 2, 0600);
	semop(s, sb, 2);
	semtimedop(s, sb, 1, &ts);
	semctl(s, 0, IPC_STAT, &sem);
	sem.sem_perm.mode = 0640;
	semctl(s, 0, IPC_SET, &sem);
	semctl(s, 0, SEM_INFO, &sem_lim);
	semctl(s, 0, SETVAL, 5);
	semctl(s, 1, GETVAL);
	semctl(s, 0, IPC_RMID);

	q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	msgctl(q, IPC_STAT, &msq);
	msq.msg_qbytes = 1000;
	msgctl(q, IPC_SET, &msq);
	msgctl(q, MSG_INFO, (struct msqid_ds *)&msg_lim);
	msgsnd(q, &m, 3, IPC_NOWAIT);
	msgrcv(q, &m, 8, 0, IPC_NOWAIT | MSG_NOERROR);
	msgrcv(q, &m, 8, 0, IPC_NOWAIT);
	msgctl(q, IPC_RMID, NULL);

	md = mq_open("/ktq", O_RDWR | O_CREAT, 0600, &at);
	mq_open("/ktnone", O_RDONLY);
	mq_send(md, "hello", 5, 1);
	mq_timedreceive(md, buf, sizeof(buf), &prio, &past);
	mq_timedreceive(md, buf, sizeof(buf), &prio, &past);
	at.mq_flags = O_NONBLOCK;
	mq_setattr(md, &at, &old);
	mq_notify(md, &ev);
	mq_notify(md, NULL);
	mq_unlink("/ktq");

	p = mmap(NULL, 12288, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p[0] = 1;
	p[8192] = 1;
	mincore(p, 12288, vec);
	mincore(p, 5000, vec);
	return 0;
}
