# uncaught user-defined exception with a custom __str__
class BudgetExceeded(Exception):
    def __init__(self, spent, limit):
        super().__init__(spent, limit)
        self.spent, self.limit = spent, limit
    def __str__(self):
        return f"spent {self.spent} > limit {self.limit}"
total = 0
for cost in [10, 20, 30, 40]:
    total += cost
    print("total", total)
    if total > 50:
        raise BudgetExceeded(total, 50)
