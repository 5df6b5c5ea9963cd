# a small bank simulation: classes, exceptions, properties, class/static methods
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f} (balance {account.balance:.2f})")
        self.account = account
        self.amount = amount
class Account:
    _next_id = 1000
    interest_rate = 0.0
    def __init__(self, owner, balance=0.0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = float(balance)
        self.history = []
    @property
    def balance(self):
        return round(self._balance, 2)
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("dep", amount))
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("wd", amount))
        return self
    def add_interest(self):
        gained = self._balance * self.interest_rate
        self._balance += gained
        return gained
    @classmethod
    def open(cls, owner, *deposits):
        acct = cls(owner)
        for d in deposits:
            acct.deposit(d)
        return acct
    @staticmethod
    def transfer(src, dst, amount):
        src.withdraw(amount)
        dst.deposit(amount)
    def __repr__(self):
        return f"{type(self).__name__}(#{self.id} {self.owner}: {self.balance:.2f})"
class Savings(Account):
    interest_rate = 0.025
class Checking(Account):
    fee = 1.5
    def withdraw(self, amount):
        return super().withdraw(amount + self.fee)
class Bank:
    def __init__(self):
        self.accounts = {}
    def add(self, acct):
        self.accounts[acct.id] = acct
        return acct
    def total(self):
        return round(sum(a.balance for a in self.accounts.values()), 2)
    def __iter__(self):
        return iter(sorted(self.accounts.values(), key=lambda a: (-a.balance, a.id)))
bank = Bank()
alice = bank.add(Savings.open("alice", 100, 250.5))
bob = bank.add(Checking.open("bob", 80))
carol = bank.add(Account("carol", 10))
print(alice, bob, carol)
Account.transfer(alice, bob, 50)
print(alice, bob)
try:
    Account.transfer(carol, alice, 500)
except InsufficientFunds as e:
    print("InsufficientFunds:", e, e.amount)
try:
    bob.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
bob.withdraw(20)
for _ in range(3):
    print("interest", round(alice.add_interest(), 4))
print(list(bank), bank.total())
print(alice.history, bob.history)
print([type(a).__name__ for a in bank], isinstance(bob, Account), Checking.__mro__[1].__name__)
for month in range(1, 13):
    for a in bank:
        if isinstance(a, Savings):
            a.add_interest()
        a.deposit(month * 1.25)
print(list(bank), bank.total())
